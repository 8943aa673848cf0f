import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { applyExecution } from "@/lib/calls/apply-execution";
import { ADMIN, API_TOKEN, api, createCandidate, signIn, startApiServer, type Json } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import { callBody, CONFIRMING_TURNS, RESCHEDULING_TURNS, rescheduledTo, type CallSpec } from "./support/insight-calls";
import { deliveryOf } from "./support/lifecycle";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

// The analytics over HTTP on the production server, whose team works in Kolkata: the fold that counts a second
// after the writes, the team's days, the figures the board shows for the same candidates, and a CSV of
// thousands of positions while the server keeps answering.

const ZONE = "Asia/Kolkata";
let server: TestServer;
let db: Db;
let cookie = "";

beforeAll(async () => {
  server = await startApiServer({ INTERVIEW_TIMEZONE: ZONE });
  db = openTestDatabase(server.databasePath);
  cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const token = { token: API_TOKEN };
const todayInZone = () => DateTime.now().setZone(ZONE).toISODate()!;

/** The analytics once `ready` says the fold has counted what the test wrote (it folds every second). */
async function analytics(query: Record<string, string>, ready: (figures: Json) => boolean = () => true): Promise<Json> {
  let figures: Json = {};
  await expect
    .poll(
      async () => {
        const response = await api(server.url, `/api/analytics?${new URLSearchParams(query)}`, token);
        expect(response.status, response.text).toBe(200);
        figures = response.json;
        return ready(figures);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return figures;
}

async function page(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

const called = async (candidate: Json, spec: Omit<CallSpec, "phone">) => {
  const { status } = await postWebhook(server.url, callBody({ ...spec, phone: candidate.phone }));
  expect(status).toBe(200);
};

describe("the write path marks, a job counts", () => {
  it("a delivery is counted within a second or two, and no trigger of the server's database recounts a funnel row", async () => {
    const position = `Fold ${Date.now()}`;
    const candidate = await createCandidate(server.url, { position });
    await called(candidate, { turns: CONFIRMING_TURNS, cost: 2 });

    const triggers = db.$client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
      sql: string;
    }[];
    // The per-candidate recount reads a view of correlated subqueries: it must never run inside a write.
    expect(triggers.filter((trigger) => /_source\b/.test(trigger.sql)).map((trigger) => trigger.name)).toEqual([]);

    const today = todayInZone();
    const figures = await analytics({ from: today, to: today, position }, (json) => json.funnel.called === 1);
    expect(figures.funnel).toMatchObject({ called: 1, reached: 1, confirmed: 1 });
    expect(figures.recounting).toBe(0);
    expect(await page("/analytics")).toContain("The figures follow every change within a second.");
  });
});

describe("the team's days", () => {
  it("a Monday-morning call in Kolkata is Monday's, the 09:00 interview reads 09:00 IST, and every heading names the zone", async () => {
    const position = `Early ${Date.now()}`;
    // Monday 4 May 2026: the interview at 09:00 in Kolkata; the call at 05:15 there (still Sunday in UTC).
    const candidate = await createCandidate(server.url, { position, interviewAt: "2026-05-04T03:30:00Z", allowPast: true });
    applyExecution(
      db,
      deliveryOf(callBody({ phone: candidate.phone, turns: CONFIRMING_TURNS }), new Date("2026-05-03T23:45:00Z")),
      { timezone: ZONE, defaultCountry: "IN", reviewBelow: 0.7 },
    );

    const monday = await analytics({ from: "2026-05-04", to: "2026-05-04", position }, (json) => json.funnel?.called === 1);
    expect(monday.period).toEqual({ from: "2026-05-04", to: "2026-05-04", position, bucket: "day", days: ZONE });
    expect(monday.overTime).toEqual([
      { bucket: "2026-05-04", reached: 1, confirmed: 1, confirmationRate: 1, attended: 0, noShow: 0, noShowRate: null },
    ]);
    expect(monday.bySlot).toMatchObject([{ time: "09:00", zone: ZONE, candidates: 1, confirmed: 1 }]);
    expect(monday.answerRateByHour.filter((row: Json) => row.finished > 0)).toEqual([
      { hour: 5, finished: 1, answered: 1, rate: 1 },
    ]);
    const sunday = await analytics({ from: "2026-05-03", to: "2026-05-03", position });
    expect(sunday.funnel.called).toBe(0);

    const html = await page(`/analytics?from=2026-05-04&to=2026-05-04&position=${encodeURIComponent(position)}`);
    for (const heading of ["From (IST day)", "To (IST day)", "Slot (IST)", "Day (IST)", "days in IST, Asia/Kolkata"]) {
      expect(html).toContain(heading);
    }
  });

  it("'to' is today in the team's zone", async () => {
    const figures = await analytics({});
    expect(figures.period.to).toBe(todayInZone());
    expect(figures.period.days).toBe(ZONE);
  });
});

describe("figures that agree with the board", () => {
  /** A candidate of this test's own (its name and position carry `tag`), interviewed at 11:00 in Kolkata. */
  const tagged = (tag: string, day: string) =>
    createCandidate(server.url, { name: `${tag} ${day}`, position: tag, interviewAt: `${day}T05:30:00Z`, allowPast: true });

  async function boardTotal(tag: string, status: string): Promise<number> {
    const { json } = await api(server.url, `/api/candidates?q=${encodeURIComponent(tag)}&status=${status}`, token);
    return json.total as number;
  }

  it("interviews by status now are the board's counts; the first-call cohort says 'at some point'", async () => {
    const tag = `Agree${Date.now()}`;
    // Interviews in the week of Monday 1 March 2027 in Kolkata; the position keeps the figures to this test's.
    const week = ["2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"];
    const [yes1, yes2, moved, changedMind, silent] = await Promise.all(week.map((day) => tagged(tag, day)));
    await tagged(tag, "2027-03-05"); // never called: pending
    await called(yes1!, { turns: CONFIRMING_TURNS });
    await called(yes2!, { turns: CONFIRMING_TURNS });
    await called(moved!, { turns: RESCHEDULING_TURNS, extraction: rescheduledTo("2027-03-04", "3:00 PM") });
    await called(changedMind!, { turns: CONFIRMING_TURNS });
    const override = await api(server.url, `/api/candidates/${changedMind!.id}/status`, {
      ...token,
      method: "PUT",
      body: { status: "declined", reason: "Withdrew by e-mail" },
    });
    expect(override.status, override.text).toBe(200);
    await called(silent!, { status: "no-answer" });

    const period = { from: "2027-03-01", to: "2027-03-05", position: tag };
    const interviews = (await analytics(period)).interviews;
    expect(interviews).toMatchObject({ candidates: 6, confirmed: 2, rescheduled: 1, declined: 1, noAnswer: 1, pending: 1 });
    for (const [status, key] of [
      ["confirmed", "confirmed"],
      ["rescheduled", "rescheduled"],
      ["declined", "declined"],
      ["no_answer", "noAnswer"],
      ["pending", "pending"],
    ] as const) {
      expect(await boardTotal(tag, status), status).toBe(interviews[key]);
    }

    // The cohort counts what happened since the first call: four said yes at some point (the board: 2 + 1 now).
    const today = todayInZone();
    const cohort = await analytics({ from: today, to: today, position: tag }, (json) => json.funnel.called === 5);
    expect(cohort.funnel).toMatchObject({ called: 5, confirmed: 4, declined: 1 });

    // The page says which is which, and each count opens the board with the same filter.
    const html = await page(`/analytics?${new URLSearchParams(period)}`);
    expect(html).toContain("by status now");
    expect(html).toContain("Candidates first called");
    for (const status of ["confirmed", "rescheduled", "declined", "no_answer", "pending"]) {
      expect(html).toContain(`href="/?status=${status}&amp;interviewFrom=2027-03-01&amp;interviewTo=2027-03-05"`);
    }
  });

  it("the Attended tile counts the marks made, a candidate never called included", async () => {
    const tag = `Marks${Date.now()}`;
    const [walkIn, caller] = await Promise.all([tagged(tag, "2026-11-02"), tagged(tag, "2026-11-03")]);
    // Confirmed by hand (by e-mail, say): never called.
    expect(
      (
        await api(server.url, `/api/candidates/${walkIn!.id}/status`, {
          ...token,
          method: "PUT",
          body: { status: "confirmed", reason: "By e-mail" },
        })
      ).status,
    ).toBe(200);
    await called(caller!, { turns: CONFIRMING_TURNS });
    for (const [candidate, attendance] of [
      [walkIn!, "attended"],
      [caller!, "no_show"],
    ] as const) {
      const marked = await api(server.url, `/api/candidates/${candidate.id}/attendance`, {
        ...token,
        method: "PUT",
        body: { attendance },
      });
      expect(marked.status, marked.text).toBe(200);
    }

    const week = { from: "2026-11-02", to: "2026-11-06", position: tag };
    const figures = await analytics(week, (json) => json.interviews?.attended + json.interviews?.noShow === 2);
    expect(figures.interviews).toMatchObject({ candidates: 2, attended: 1, noShow: 1, noShowRate: 0.5 });
    const board = (await api(server.url, `/api/candidates?q=${tag}&pageSize=200`, token)).json.candidates as Json[];
    expect(board.filter((row) => row.attendance === "attended")).toHaveLength(figures.interviews.attended);
    expect(board.filter((row) => row.attendance === "no_show")).toHaveLength(figures.interviews.noShow);

    const html = await page(`/analytics?${new URLSearchParams(week)}`);
    expect(html).toMatch(/data-testid="figure-attended">1</);
  });
});

describe("the CSV of thousands of positions", () => {
  it("streams while the server keeps answering others", async () => {
    const count = 20_000;
    const now = Date.now();
    const sqlite = db.$client;
    sqlite.transaction(() => {
      const candidate = sqlite.prepare(
        "INSERT INTO candidates (name, phone, position, interview_at, status_changed_at, updated_at) VALUES (?, ?, ?, ?, 0, 0) RETURNING id",
      );
      const call = sqlite.prepare(
        "INSERT INTO calls (execution_id, candidate_id, outcome, conversation_seconds, total_cost, local_hour, created_at, updated_at) VALUES (?, ?, 'confirmed', 30, 1, 10, ?, ?)",
      );
      for (let i = 0; i < count; i++) {
        const { id } = candidate.get(
          `Csv ${i}`,
          `+9170${String(now % 1000).padStart(3, "0")}${String(i).padStart(5, "0")}`,
          `Csv position ${i}`,
          now,
        ) as {
          id: number;
        };
        call.run(`csv-${now}-${i}`, id, now, now);
      }
    })();
    const today = todayInZone();
    await analytics(
      { from: today, to: today },
      (json) => json.positions.filter((name: string) => name.startsWith("Csv position")).length === count,
    );

    const started = performance.now();
    let done = false;
    const csv = fetch(`${server.url}/api/analytics?from=${today}&to=${today}&format=csv`, { headers: { cookie } })
      .then((response) => {
        // Streamed: sent as it is written, so nobody knows its length up front.
        expect(response.headers.get("content-length")).toBeNull();
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        return response.text();
      })
      .finally(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const asked = performance.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      waits.push(performance.now() - asked);
    }
    const text = await csv;
    const total = performance.now() - started;
    expect(text.split("\r\n").filter((line) => line.startsWith("by_position,Csv position "))).toHaveLength(count * 10);
    // Health was answered between the chunks, never after the whole file: relative to the download, so that a
    // busy machine slows both alike.
    expect(waits.length).toBeGreaterThan(2);
    expect(Math.max(...waits)).toBeLessThan(total / 2);
  });
});

describe("a change of the team's zone", () => {
  it("reads the same rollups in the new zone's days at once, on the next start", async () => {
    const position = `Moving team ${Date.now()}`;
    const candidate = await createCandidate(server.url, { position });
    // Monday 4 May 2026, 14:00 UTC: 19:30 on Monday in Kolkata, 02:00 on Tuesday in Auckland.
    applyExecution(
      db,
      deliveryOf(callBody({ phone: candidate.phone, turns: CONFIRMING_TURNS }), new Date("2026-05-04T14:00:00Z")),
      { timezone: ZONE, defaultCountry: "IN", reviewBelow: 0.7 },
    );
    await analytics({ from: "2026-05-04", to: "2026-05-04", position }, (json) => json.funnel.called === 1);

    await server.stop();
    server = await startApiServer({ INTERVIEW_TIMEZONE: "Pacific/Auckland", DATABASE_PATH: server.databasePath });
    const tuesday = await analytics({ from: "2026-05-05", to: "2026-05-05", position });
    expect(tuesday.period.days).toBe("Pacific/Auckland");
    expect(tuesday.funnel).toMatchObject({ called: 1, confirmed: 1 });
    expect(tuesday.answerRateByHour.filter((row: Json) => row.finished > 0)).toHaveLength(1);
    expect((await analytics({ from: "2026-05-04", to: "2026-05-04", position })).funnel.called).toBe(0);
  });
});
