import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInstant } from "@/lib/time/format";
import {
  API_TOKEN,
  api,
  createCandidate,
  createSlot,
  startApiServer,
  unique,
  uniqueInstant,
  type Json,
} from "./support/auth-client";
import { parseIcs } from "./support/ics";
import { bolnaTime } from "./support/lifecycle";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

/**
 * One state machine (lib/candidates/state-machine.ts) over HTTP: a person moving an interview the candidate had
 * answered about leaves them needing reconfirmation (PATCH /api/candidates/{id} as the form does), the updated
 * invite goes out, and no answer about an earlier time confirms a later one.
 */
const ZONE = "Asia/Kolkata";
let server: TestServer;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", INTERVIEW_TIMEZONE: ZONE });
});

afterAll(() => server?.stop());

const asToken = { token: API_TOKEN };
const patch = (id: number, body: unknown) => api(server.url, `/api/candidates/${id}`, { method: "PATCH", body, ...asToken });
const detail = async (id: number) => (await api(server.url, `/api/candidates/${id}`, asToken)).json;
const outboxOf = async (id: number) =>
  ((await api(server.url, "/api/outbox", asToken)).json.messages as Json[]).filter((message) => message.candidateId === id);

async function linkFor(id: number): Promise<string> {
  const response = await api(server.url, `/api/candidates/${id}/self-service-link`, { method: "POST", ...asToken });
  expect(response.status, response.text).toBe(201);
  return (response.json.url as string).split("/i/")[1]!;
}

/** A candidate who confirmed on their own page (the real path to `confirmed`). */
async function confirmedCandidate(): Promise<{ candidate: Json; token: string }> {
  const candidate = await createCandidate(server.url, { email: `states-${unique()}@example.com`, timeZone: ZONE });
  const token = await linkFor(candidate.id);
  const confirmed = await api(server.url, `/api/self-service/${token}`, { method: "POST", body: { action: "confirm" } });
  expect(confirmed.json.candidate.status).toBe("confirmed");
  return { candidate, token };
}

describe("PATCH /api/candidates/{id}: moving an interview the candidate confirmed", () => {
  it("leaves them needing reconfirmation in plain words, sends the updated invite, and offers the link and a call", async () => {
    const { candidate, token } = await confirmedCandidate();
    const to = uniqueInstant();
    const moved = await patch(candidate.id, { interviewAt: to });
    expect(moved.status, moved.text).toBe(200);
    const from = formatInstant(new Date(candidate.interviewAt), ZONE);
    const toWords = formatInstant(new Date(to), ZONE);
    expect(moved.json.candidate).toMatchObject({
      status: "pending",
      statusEvent: "needs_reconfirmation",
      statusReason: `Needs reconfirmation: moved from ${from} to ${toWords} by api-token`,
      interviewAt: new Date(to).toISOString(),
    });
    expect(moved.json.next.actions).toEqual([
      { method: "POST", path: `/api/candidates/${candidate.id}/self-service-link` },
      { method: "POST", path: `/api/candidates/${candidate.id}/call` },
    ]);

    const [newest] = await outboxOf(candidate.id);
    expect(newest).toMatchObject({ kind: "moved", subject: `Your interview has moved: please confirm ${toWords} (${ZONE})` });
    expect(parseIcs(newest!.ics as string).get("DTSTART")).toBe(
      `${new Date(to).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`,
    );

    const { history } = await detail(candidate.id);
    expect(history.at(-1)).toMatchObject({
      from: "confirmed",
      to: "pending",
      source: "manual",
      actor: "api-token",
      fromInterviewAt: candidate.interviewAt,
      toInterviewAt: new Date(to).toISOString(),
    });

    // The link sent before the move still works, and asks about the new time.
    const page = await api(server.url, `/i/${token}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(formatInstant(new Date(to), ZONE, "long"));
    expect(page.text).toContain("Your interview has moved to this time: please confirm that it suits you.");
    expect(page.text).not.toContain("You have confirmed this interview");
  });

  it("takes any subset of the fields, refuses bad ones naming the field, and changes nothing then", async () => {
    const candidate = await createCandidate(server.url);
    const renamed = await patch(candidate.id, { name: "Anjali Deshpande", email: null });
    expect(renamed.status).toBe(200);
    expect(renamed.json.candidate).toMatchObject({ name: "Anjali Deshpande", email: null, status: "pending" });
    expect(renamed.json.next).toBeNull();
    expect((await detail(candidate.id)).history.at(-1).reason).toBe("Edited by api-token: name");

    for (const [body, field] of [
      [{ interviewAt: "tomorrow at ten" }, "interviewAt"],
      [{ interviewAt: "2020-01-01T10:00:00Z" }, "interviewAt"],
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ phone: "12" }, "phone"],
      [{ nickname: "Anju" }, "nickname"],
      [{}, undefined],
    ] as const) {
      const refused = await patch(candidate.id, body);
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.json.error).toMatchObject({ code: "validation_failed", ...(field && { field }) });
    }
    expect((await detail(candidate.id)).candidate).toMatchObject({
      name: "Anjali Deshpande",
      interviewAt: candidate.interviewAt,
    });
    expect((await patch(999_999, { name: "Nobody" })).status).toBe(404);
    expect((await api(server.url, `/api/candidates/${candidate.id}`, { method: "PATCH", body: { name: "X" } })).status).toBe(401);
  });

  it("moves a candidate who had not answered without asking them again, and refuses a full slot", async () => {
    const candidate = await createCandidate(server.url);
    const to = uniqueInstant();
    const moved = await patch(candidate.id, { interviewAt: to });
    expect(moved.json.candidate).toMatchObject({ status: "pending", interviewAt: new Date(to).toISOString() });
    expect(await outboxOf(candidate.id)).toEqual([]);

    const full = await createSlot(server.url, uniqueInstant(), 1);
    await createCandidate(server.url, { interviewAt: full.startsAt });
    const refused = await patch(candidate.id, { interviewAt: full.startsAt });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe("slot_full");
  });
});

describe("a call's answer is about the interview it asked about", () => {
  it("does not confirm a time the interview was moved to while the call was going on", async () => {
    const candidate = await createCandidate(server.url, { timeZone: ZONE });
    const executionId = crypto.randomUUID();
    const queued = await postWebhook(server.url, retarget(loadPayload("01-queued"), executionId, candidate.phone));
    expect(queued.status).toBe(200);
    expect((await detail(candidate.id)).candidate.status).toBe("calling");

    const to = uniqueInstant();
    expect((await patch(candidate.id, { interviewAt: to })).json.candidate.status).toBe("calling");

    const later = Date.now() * 1000 + 60_000_000;
    const completed = {
      ...retarget(loadPayload("05-completed-confirmed"), executionId, candidate.phone),
      updated_at: bolnaTime(later),
    };
    expect((await postWebhook(server.url, completed)).status).toBe(200);
    const { candidate: after } = await detail(candidate.id);
    expect(after).toMatchObject({
      status: "pending",
      statusEvent: "needs_reconfirmation",
      interviewAt: new Date(to).toISOString(),
    });
    expect(after.statusReason).toBe(
      `Needs reconfirmation: Confirmed ${formatInstant(new Date(candidate.interviewAt), ZONE)} on the call, but the interview is now ${formatInstant(new Date(to), ZONE)}`,
    );
  });
});

describe("PUT /api/candidates/{id}/status", () => {
  it("refuses calling: only a call in progress is calling", async () => {
    const candidate = await createCandidate(server.url);
    const refused = await api(server.url, `/api/candidates/${candidate.id}/status`, {
      method: "PUT",
      body: { status: "calling", reason: "testing" },
      ...asToken,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: "validation_failed", field: "status" });
    expect((await detail(candidate.id)).candidate.status).toBe("pending");
  });
});
