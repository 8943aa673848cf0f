import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates, webhookEvents } from "@/db/schema";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import { API_TOKEN, api, createCandidate, createSlot, startApiServer, type Json } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";
import { phoneEnding, waitForCandidate } from "./support/calls";

/**
 * The server in live mode (BOLNA_API_KEY set), pointed at a simulator this test controls: scenarios per phone,
 * injected failures, dropped webhooks, and a POST /call answer that comes after the call's webhooks.
 */
const KEY = "live-test-bolna-key";
const AGENT = "7f1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
const ZONE = "Asia/Kolkata";
let simulator: BolnaSimulator;
let server: TestServer;
let db: Db;

beforeAll(async () => {
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 50, seed: 7 });
  server = await startApiServer({
    BOLNA_API_KEY: KEY,
    BOLNA_API_URL: simulator.url,
    BOLNA_AGENT_ID: AGENT,
    AUTH_SECRET: "live-test-auth-secret-0123456789abcdef",
    INTERVIEW_TIMEZONE: ZONE,
    RECONCILE_AFTER_SECONDS: "2",
    SEED_DEMO: "false",
  });
  simulator.setWebhookUrl(`${server.url}/webhook`);
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await simulator?.close();
});

const asToken = { token: API_TOKEN };
const callNow = (id: number) => api(server.url, `/api/candidates/${id}/call`, { method: "POST", ...asToken });
const getCandidate = (id: number) => api(server.url, `/api/candidates/${id}`, asToken);
const simulated = (executionId: string) => simulator.calls().find((call) => call.executionId === executionId);

describe("user_data", () => {
  it("sends the prototype's keys in INTERVIEW_TIMEZONE, with the candidate's free allowed slots as alternatives", async () => {
    const free = await createSlot(server.url, "2027-03-02T14:30:00+05:30");
    const full = await createSlot(server.url, "2027-03-03T10:00:00+05:30", 1);
    await createCandidate(server.url, { interviewAt: "2027-03-03T10:00:00+05:30" });
    const candidate = await createCandidate(server.url, {
      name: "Ishaan Kapoor",
      position: "Data Engineer",
      phone: phoneEnding(1),
      interviewAt: "2027-03-01T11:00:00+05:30",
      reschedulingSlotIds: [free.id, full.id],
    });
    const { json } = await callNow(candidate.id);
    const call = simulated(json.executionId);
    expect(call?.agentId).toBe(AGENT);
    expect(call?.recipientPhone).toBe(candidate.phone);
    expect(call?.userData).toMatchObject({
      candidate_name: "Ishaan Kapoor",
      name: "Ishaan Kapoor",
      position: "Data Engineer",
      interview_date: "Monday, 1 March 2027",
      interview_time: "11:00 AM",
      interview_time_formatted: "11 o'clock in the morning",
      interview_datetime: "2027-03-01T11:00:00+05:30",
      interview_datetime_formatted: expect.stringMatching(/^Monday, the 1st of March(, 2027)? at 11 o'clock in the morning$/),
      date: "2027-03-01",
      time: "11:00 AM",
      time_original: "11:00",
      original_slot: { date: "2027-03-01", time: "11:00 AM", day_of_week: "Monday" },
      alternative_slots: [{ date: "2027-03-02", time: "2:30 PM", day_of_week: "Tuesday" }],
      alternative_slots_formatted: [expect.stringMatching(/^Tuesday, the 2nd of March(, 2027)? at 2:30 in the afternoon$/)],
      alternative_slots_iso: [{ date: "2027-03-02", time: "2:30 PM" }],
    });
    await waitForCandidate(server.url, candidate.id, (body) => body.candidate.status === "confirmed");
  });
});

describe("a webhook before Bolna's answer", () => {
  it("still lands on the candidate; the answer adds who placed the call without duplicating or undoing anything", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(7) });
    simulator.setRespondDelay(1_500);
    let response;
    try {
      response = await callNow(candidate.id);
    } finally {
      simulator.setRespondDelay(0);
    }
    const answeredAt = Date.now();
    expect(response.status).toBe(202);
    const { executionId } = response.json;
    // The whole lifecycle (about 0.3 s at speed 50) was delivered while POST /call was still waiting.
    expect(isTerminalStatus(simulated(executionId)?.execution.status)).toBe(true);
    const events = db.select().from(webhookEvents).where(eq(webhookEvents.executionId, executionId)).all();
    expect(events.filter((event) => event.receivedAt.getTime() < answeredAt - 500).length).toBeGreaterThan(0);
    expect(events.every((event) => event.result !== "unmatched")).toBe(true);

    const rows = db.select().from(calls).where(eq(calls.candidateId, candidate.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ executionId, placedBy: "api-token" });
    // The late answer did not move the candidate back to "calling".
    expect((await getCandidate(candidate.id)).json.candidate).toMatchObject({ status: "confirmed", callStatus: "completed" });

    const final = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.callStatus === "completed");
    expect(final.candidate.status).toBe("confirmed");
    expect(final.history.find((entry: Json) => entry.source === "call")).toMatchObject({ actor: "api-token" });
    expect(db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()?.callRequestedAt).toBeNull();
  });
});

describe("Bolna errors", () => {
  it.each([
    [{ status: 402, message: "Insufficient wallet balance" }, 402, "bolna_insufficient_balance", /balance/],
    [{ status: 400, message: "Invalid recipient phone number" }, 422, "bolna_invalid_number", /phone number/],
    [{ status: 401, message: "Invalid API key" }, 502, "bolna_error", /API key/],
    [{ status: 429, message: "Too many requests", retryAfterSeconds: 60 }, 502, "bolna_error", /too many requests/i],
  ])("%o → %i %s, the candidate untouched and free to call again", async (failure, status, code, message) => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(2) });
    simulator.failNext(failure);
    const response = await callNow(candidate.id);
    expect(response.status).toBe(status);
    expect(response.json.error).toMatchObject({ code, message: expect.stringMatching(message) });
    const after = (await getCandidate(candidate.id)).json;
    expect(after.candidate.status).toBe("pending");
    expect(after.calls).toEqual([]);
    expect(after.history.some((entry: Json) => entry.source === "call")).toBe(false);
    expect(db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()?.callRequestedAt).toBeNull();
  });

  it("keeps the lock after a failure that may have placed the call, so nobody rings twice", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(2) });
    simulator.failNext({ status: 500, message: "upstream exploded" });
    const response = await callNow(candidate.id);
    expect(response.status).toBe(502);
    expect(response.json.error?.message).toMatch(/may still be called/);
    expect((await getCandidate(candidate.id)).json.candidate.status).toBe("pending");
    const retry = await callNow(candidate.id);
    expect(retry.status).toBe(409);
    expect(retry.json.error?.code).toBe("call_in_progress");
  });
});

describe("reconciliation", () => {
  it("completes a call whose webhooks were all lost, periodically", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(1) });
    simulator.setScenario(candidate.phone, { name: "declined", dropWebhooks: true });
    const { json } = await callNow(candidate.id);
    const final = await waitForCandidate(
      server.url,
      candidate.id,
      (body) => body.candidate.callStatus === "declined" || body.candidate.status === "declined",
      20_000,
    );
    expect(final.candidate.status).toBe("declined");
    expect(final.calls[0]).toMatchObject({ executionId: json.executionId, status: "completed", outcome: "declined" });
    const events = db.select().from(webhookEvents).where(eq(webhookEvents.executionId, json.executionId)).all();
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.source === "reconcile")).toBe(true);
    expect(JSON.parse(events.at(-1)!.rawBody!)).toMatchObject({ id: json.executionId, status: "completed" });
    expect(final.history.find((entry: Json) => entry.to === "declined")).toMatchObject({ source: "reconcile" });
  });

  it("checks one call with Bolna on demand: POST /api/calls/{executionId}/reconcile", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(1) });
    simulator.setScenario(candidate.phone, { name: "confirmed", dropWebhooks: true });
    const { json } = await callNow(candidate.id);
    await vi.waitFor(() => expect(isTerminalStatus(simulated(json.executionId)?.execution.status)).toBe(true), {
      timeout: 5_000,
      interval: 20,
    });
    expect((await getCandidate(candidate.id)).json.candidate.status).toBe("calling");

    const response = await api(server.url, `/api/calls/${json.executionId}/reconcile`, { method: "POST", ...asToken });
    expect(response.status).toBe(200);
    expect(["applied", "duplicate"]).toContain(response.json.result);
    expect(response.json).toMatchObject({
      executionId: json.executionId,
      bolnaStatus: "completed",
      call: { executionId: json.executionId, status: "completed", outcome: "confirmed" },
      candidate: { id: candidate.id, status: "confirmed", callStatus: "completed" },
    });
    const again = await api(server.url, `/api/calls/${json.executionId}/reconcile`, { method: "POST", ...asToken });
    expect(again.json.result).toBe("duplicate");
  });

  it("answers 404 for a call Callboard does not know, and a readable error when Bolna fails", async () => {
    const unknown = await api(server.url, "/api/calls/no-such-execution/reconcile", { method: "POST", ...asToken });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe("not_found");

    const candidate = await createCandidate(server.url, { phone: phoneEnding(2) });
    const { json } = await callNow(candidate.id);
    simulator.failNext({ status: 503, message: "maintenance", times: 4 });
    const failed = await api(server.url, `/api/calls/${json.executionId}/reconcile`, { method: "POST", ...asToken });
    expect(failed.status).toBe(502);
    expect(failed.json.error).toMatchObject({ code: "bolna_error", message: expect.stringMatching(/unavailable/) });
  });
});
