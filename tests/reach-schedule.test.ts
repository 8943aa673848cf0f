import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import { formatInstant } from "@/lib/time/format";
import { API_TOKEN, api, createCandidate, startApiServer, type Json } from "./support/auth-client";
import { phoneEnding, waitForCandidate } from "./support/calls";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";

/**
 * Calling hours and reminder calls over HTTP, each against the server in live mode with a simulator.
 */
const KEY = "reach-schedule-bolna-key";
const AGENT = "7f1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
const HOUR = 3_600_000;
const asToken = { token: API_TOKEN };

type Live = { simulator: BolnaSimulator; server: TestServer; db: Db };

async function startLive(env: Record<string, string>): Promise<Live> {
  const simulator = await startBolnaSimulator({ apiKey: KEY, speed: 50, seed: 41 });
  const server = await startApiServer({
    BOLNA_API_KEY: KEY,
    BOLNA_API_URL: simulator.url,
    BOLNA_AGENT_ID: AGENT,
    AUTH_SECRET: "reach-schedule-auth-secret-0123456789abcdef",
    SEED_DEMO: "false",
    ...env,
  });
  simulator.setWebhookUrl(`${server.url}/webhook`);
  return { simulator, server, db: openTestDatabase(server.databasePath) };
}

async function stopLive(live: Live | undefined) {
  live?.db.$client.close();
  await live?.server.stop();
  await live?.simulator.close();
}

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/**
 * Calling hours that exclude the present moment both in Kolkata and in New York: a two-hour window six hours
 * ahead of Kolkata's clock (or eight hours behind it, late in Kolkata's day), on every day but Kolkata's today,
 * so that the next call there is always on a later day (across the day boundary).
 */
function hoursExcludingNow(): { window: string; days: string; startHour: number; allowed: Set<number> } {
  const kolkata = DateTime.now().setZone("Asia/Kolkata");
  const startHour = kolkata.hour <= 15 ? kolkata.hour + 6 : kolkata.hour - 8;
  const pad = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
  const allowed = new Set([1, 2, 3, 4, 5, 6, 7].filter((day) => day !== kolkata.weekday));
  const days = [...allowed].map((day) => DAY_NAMES[day - 1]).join(",");
  return { window: `${pad(startHour)}-${pad(startHour + 2)}`, days, startHour, allowed };
}

/** The next time the window opens on the zone's clock, worked out without the code under test. */
function nextOpening(zone: string, startHour: number, allowed: Set<number>): DateTime {
  const now = DateTime.now().setZone(zone);
  for (let days = 0; days <= 7; days++) {
    const opening = now.plus({ days }).set({ hour: startHour, minute: 0, second: 0, millisecond: 0 });
    if (allowed.has(opening.weekday) && opening > now) return opening;
  }
  throw new Error("no opening within a week");
}

describe("calling hours in the candidate's time zone", () => {
  let live: Live;
  const { window, days, startHour, allowed } = hoursExcludingNow();
  const opening = (zone: string) => nextOpening(zone, startHour, allowed);

  beforeAll(async () => {
    live = await startLive({ CALLING_HOURS: window, CALLING_DAYS: days, INTERVIEW_TIMEZONE: "UTC", RECONFIRM_HOURS_BEFORE: "0" });
  });
  afterAll(() => stopLive(live));

  const simulated = (executionId: string) => live.simulator.calls().find((call) => call.executionId === executionId)!;

  it("asks Bolna for scheduled_at at the next allowed time, with the candidate's offset, instead of ringing now", async () => {
    const india = await createCandidate(live.server.url, { phone: phoneEnding(1) });
    const newYork = await createCandidate(live.server.url, { phone: phoneEnding(1) });
    live.db.update(candidates).set({ timeZone: "America/New_York" }).where(eq(candidates.id, newYork.id)).run();

    for (const [candidate, zone] of [
      [india, "Asia/Kolkata"],
      [newYork, "America/New_York"],
    ] as const) {
      const response = await api(live.server.url, `/api/candidates/${candidate.id}/call`, { method: "POST", ...asToken });
      expect(response.status, response.text).toBe(202);
      const expected = opening(zone);
      if (zone === "Asia/Kolkata") expect(expected.hasSame(DateTime.now().setZone(zone), "day")).toBe(false);
      const call = simulated(response.json.executionId);
      // What Callboard sent: ISO 8601 with the zone's numeric offset (never Z), on the next opening.
      expect(call.scheduledAtAsSent).toBe(expected.toISO({ suppressMilliseconds: true }));
      expect(call.scheduledAtAsSent).toMatch(zone === "Asia/Kolkata" ? /\+05:30$/ : /-0[45]:00$/);
      expect(Date.parse(call.scheduledAtAsSent!)).toBeGreaterThan(Date.now() + 2 * 60_000);
      expect(call.execution.status).toBe("scheduled");

      const { json } = await api(live.server.url, `/api/candidates/${candidate.id}`, asToken);
      expect(json.candidate).toMatchObject({
        status: "calling",
        callStatus: "scheduled",
        nextAttemptAt: expected.toUTC().toISO(),
        nextAttemptNumber: 1,
        timeZone: zone,
      });
      expect(json.candidate.statusReason).toBe(`Scheduled: rings ${formatInstant(expected.toJSDate(), zone)}`);
      expect(json.history.at(-1).reason).toBe(
        `Call placed by api-token; it rings later (${window.replace("-", "–")}, ${[...allowed]
          .sort()
          .map((day) => DAY_NAMES[day - 1])
          .join(" ")} in the candidate's zone, ${zone}): ${json.candidate.statusReason}`,
      );
      // Waiting for its time is not being stuck, however long it waits.
      expect(json.candidate.statusEvent).toBe("call_scheduled");
      expect(json.calls[0]).toMatchObject({ status: "scheduled", scheduledAt: expected.toUTC().toISO() });
    }
  });

  it("makes a batch obey the calling hours too", async () => {
    const candidate = await createCandidate(live.server.url, { phone: phoneEnding(1) });
    const batch = await api(live.server.url, "/api/batches", {
      method: "POST",
      ...asToken,
      body: { candidateIds: [candidate.id] },
    });
    expect(batch.status).toBe(201);
    const done = await waitForCandidate(live.server.url, candidate.id, (body) => body.calls.length > 0);
    expect(done.candidate).toMatchObject({
      status: "calling",
      nextAttemptAt: opening("Asia/Kolkata").toUTC().toISO(),
    });
    expect(simulated(done.calls[0].executionId).execution.status).toBe("scheduled");
  });
});

describe("reminder calls before the interview (RECONFIRM_HOURS_BEFORE=24)", () => {
  let live: Live;

  beforeAll(async () => {
    live = await startLive({ RECONFIRM_HOURS_BEFORE: "24", INTERVIEW_TIMEZONE: "UTC" });
  });
  afterAll(() => stopLive(live));

  const detail = async (id: number) => (await api(live.server.url, `/api/candidates/${id}`, asToken)).json;

  /** A confirmed candidate whose answer is three days old, with the interview `hoursAhead` from now. */
  async function confirmedLongAgo(lastDigit: number, hoursAhead: number) {
    const candidate = await createCandidate(live.server.url, {
      phone: phoneEnding(lastDigit),
      interviewAt: new Date(Date.now() + hoursAhead * HOUR).toISOString(),
    });
    const confirmed = await api(live.server.url, `/api/candidates/${candidate.id}/status`, {
      method: "PUT",
      ...asToken,
      body: { status: "confirmed", reason: "confirmed on the first call" },
    });
    expect(confirmed.status).toBe(200);
    live.db
      .update(candidates)
      .set({ statusChangedAt: new Date(Date.now() - 72 * HOUR), manualStatusAt: new Date(Date.now() - 72 * HOUR) })
      .where(eq(candidates.id, candidate.id))
      .run();
    return candidate;
  }

  const reminded = (json: Json) => json.calls.some((call: Json) => call.purpose === "reconfirmation");

  it("places one reminder call that asks whether they are still coming; a yes keeps them confirmed, on the timeline", async () => {
    const candidate = await confirmedLongAgo(1, 20);
    const first = await waitForCandidate(live.server.url, candidate.id, reminded, 20_000);
    const call = first.calls.find((entry: Json) => entry.purpose === "reconfirmation");
    expect(live.simulator.calls().find((entry) => entry.executionId === call.executionId)?.userData.purpose).toBe(
      "reconfirmation",
    );
    expect(first.history.map((entry: Json) => entry.to)).not.toContain("calling");

    const done = await waitForCandidate(live.server.url, candidate.id, (json) => json.reach.reconfirmation.state === "answered");
    expect(done.candidate).toMatchObject({
      status: "confirmed",
      statusReason: "Reconfirmed on the reminder call: still coming",
    });
    expect(done.reach.reconfirmation).toMatchObject({ state: "answered", outcome: "confirmed", executionId: call.executionId });
    expect(done.history.at(-1)).toMatchObject({
      from: "confirmed",
      to: "confirmed",
      source: "webhook",
      executionId: call.executionId,
    });
  });

  it("records a no from the reminder as declined, and a reminder nobody answered leaves the confirmation standing", async () => {
    const declines = await confirmedLongAgo(5, 20);
    const unreached = await confirmedLongAgo(2, 21);
    const declined = await waitForCandidate(live.server.url, declines.id, (json) => json.candidate.status === "declined", 20_000);
    expect(declined.candidate.statusReason).toBe("Reminder call: Declined on the call");
    const notReached = await waitForCandidate(
      live.server.url,
      unreached.id,
      (json) => json.reach.reconfirmation.state === "not_reached",
      20_000,
    );
    expect(notReached.candidate).toMatchObject({ status: "confirmed", statusReason: "confirmed on the first call" });
    expect(notReached.calls.filter((call: Json) => call.purpose === "reconfirmation")).toHaveLength(1);
  });

  it("knows a reminder call whose webhooks beat Bolna's answer by the purpose Bolna echoes: nobody answering leaves the confirmation standing", async () => {
    live.simulator.setRespondDelay(1_500);
    try {
      const unreached = await confirmedLongAgo(2, 22);
      const placed = await waitForCandidate(live.server.url, unreached.id, reminded, 20_000);
      const call = placed.calls.find((entry: Json) => entry.purpose === "reconfirmation");
      const done = await waitForCandidate(
        live.server.url,
        unreached.id,
        (json) => json.reach.reconfirmation.state === "not_reached",
      );
      const firstDelivery = live.db.$client
        .prepare("SELECT min(received_at) AS at FROM webhook_events WHERE execution_id = ?")
        .get(call.executionId) as { at: number };
      const answered = live.db.$client
        .prepare("SELECT at FROM status_changes WHERE execution_id = ? AND source = 'call'")
        .get(call.executionId) as { at: number };
      // The call's first delivery came while POST /call was still waiting for Bolna's answer.
      expect(firstDelivery.at).toBeLessThan(answered.at);
      expect(done.candidate).toMatchObject({ status: "confirmed", statusReason: "confirmed on the first call" });
      expect(done.history.map((entry: Json) => entry.to)).not.toContain("calling");
      expect(done.history.map((entry: Json) => entry.to)).not.toContain("no_answer");
    } finally {
      live.simulator.setRespondDelay(0);
    }
  });

  it("skips an interview too close to remind, and a candidate who answered within the window; waits for the rest", async () => {
    const tooClose = await confirmedLongAgo(1, 1);
    const justAnswered = await createCandidate(live.server.url, {
      phone: phoneEnding(1),
      interviewAt: new Date(Date.now() + 20 * HOUR).toISOString(),
    });
    await api(live.server.url, `/api/candidates/${justAnswered.id}/status`, {
      method: "PUT",
      ...asToken,
      body: { status: "confirmed" },
    });
    const later = await confirmedLongAgo(1, 48);

    const skipped = await waitForCandidate(
      live.server.url,
      tooClose.id,
      (json) => json.reach.reconfirmation.state === "skipped",
      20_000,
    );
    expect(skipped.reach.reconfirmation.reason).toMatch(
      /^Too close: the earliest allowed calling time .* is less than 2 hours before the interview$/,
    );
    const answered = await waitForCandidate(
      live.server.url,
      justAnswered.id,
      (json) => json.reach.reconfirmation.state === "skipped",
    );
    expect(answered.reach.reconfirmation.reason).toBe("Answered within 24 hours of the interview");

    const waiting = await detail(later.id);
    // 24 hours before, on Bolna's 10-minute grid (earlier, never later).
    const dueAt = Math.floor((Date.parse(waiting.candidate.interviewAt) - 24 * HOUR) / 600_000) * 600_000;
    expect(waiting.reach.reconfirmation).toMatchObject({ state: "scheduled", dueAt: new Date(dueAt).toISOString() });
    for (const id of [tooClose.id, justAnswered.id, later.id]) expect((await detail(id)).calls).toEqual([]);
  });

  it("never reminds twice for the same interview time, and reminds again for a new one", async () => {
    const candidate = await confirmedLongAgo(1, 22);
    await waitForCandidate(live.server.url, candidate.id, (json) => json.reach.reconfirmation.state === "answered", 20_000);
    // A later candidate's reminder proves the scheduler has passed over the first one again since.
    const witness = await confirmedLongAgo(1, 23);
    await waitForCandidate(live.server.url, witness.id, reminded, 20_000);
    const once = await detail(candidate.id);
    expect(once.calls.filter((call: Json) => call.purpose === "reconfirmation")).toHaveLength(1);

    // The interview moves (an admin resets and re-confirms it at another time): that time gets its own reminder.
    const moved = new Date(Date.now() + 23.5 * HOUR);
    live.db
      .update(candidates)
      .set({ interviewAt: moved, statusChangedAt: new Date(Date.now() - 72 * HOUR) })
      .where(eq(candidates.id, candidate.id))
      .run();
    const again = await waitForCandidate(
      live.server.url,
      candidate.id,
      (json) => json.calls.filter((call: Json) => call.purpose === "reconfirmation").length === 2,
      20_000,
    );
    expect(again.reach.reconfirmation.state).not.toBe("scheduled");
  });
});
