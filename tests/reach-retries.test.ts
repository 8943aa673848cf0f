import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import { API_TOKEN, api, createCandidate, startApiServer, type Json } from "./support/auth-client";
import { phoneEnding, waitForCandidate } from "./support/calls";
import { loadPayload, retarget, type Body } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

/**
 * Bolna's retries and voicemail over HTTP: the server in live mode against a simulator that plays
 * retries as Bolna does (same execution id, `scheduled` between attempts, retry_count, retry_history), and
 * webhook bodies posted by the test for the orders Bolna may deliver them in. Retries are 1 minute apart, which
 * the simulator's speed turns into 2 seconds.
 */
const KEY = "reach-retries-bolna-key";
const AGENT = "7f1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
let simulator: BolnaSimulator;
let server: TestServer;

beforeAll(async () => {
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 30, seed: 14, habits: { duplicates: true, outOfOrder: false } });
  server = await startApiServer({
    BOLNA_API_KEY: KEY,
    BOLNA_API_URL: simulator.url,
    BOLNA_AGENT_ID: AGENT,
    AUTH_SECRET: "reach-retries-auth-secret-0123456789abcdef",
    INTERVIEW_TIMEZONE: "Asia/Kolkata",
    SEED_DEMO: "false",
    CALL_RETRIES: "2",
    CALL_RETRY_INTERVALS_MINUTES: "1,1",
    CALL_RETRY_ON_VOICEMAIL: "true",
    RECONFIRM_HOURS_BEFORE: "0",
  });
  simulator.setWebhookUrl(`${server.url}/webhook`);
});

afterAll(async () => {
  await server?.stop();
  await simulator?.close();
});

const asToken = { token: API_TOKEN };
const callNow = (id: number) => api(server.url, `/api/candidates/${id}/call`, { method: "POST", ...asToken });
const simulated = (executionId: string) => simulator.calls().find((call) => call.executionId === executionId)!;
const waiting = (json: Json) => json.candidate.status === "calling" && json.candidate.nextAttemptAt !== null;

describe("Bolna's retries, placed by Callboard", () => {
  it("shows the waiting state with the next attempt while a retry is pending, and lets the retry's outcome decide", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(2) });
    simulator.setScenario(candidate.phone, { name: "no-answer", retries: ["confirmed"] });
    const { json } = await callNow(candidate.id);
    expect(simulated(json.executionId).execution.retry_config).toEqual({
      enabled: true,
      max_retries: 2,
      retry_on_statuses: ["no-answer", "busy", "failed"],
      retry_on_voicemail: true,
      retry_intervals_minutes: [1, 1],
    });

    const pending = await waitForCandidate(server.url, candidate.id, waiting);
    expect(pending.candidate.statusReason).toMatch(
      /^No answer; Bolna tries again at \w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2} IST, attempt 2 of 3$/,
    );
    expect(pending.candidate.nextAttemptNumber).toBe(2);
    expect(Date.parse(pending.candidate.nextAttemptAt)).toBeGreaterThan(Date.parse(pending.calls[0].updatedAt) - 60_000);
    expect(pending.calls[0]).toMatchObject({ outcome: null, nextAttemptAt: pending.candidate.nextAttemptAt });
    expect(pending.history.map((entry: Json) => entry.to)).not.toContain("no_answer");

    const done = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.status === "confirmed");
    expect(done.candidate).toMatchObject({ nextAttemptAt: null, nextAttemptNumber: null, callStatus: "completed" });
    expect(done.calls).toHaveLength(1);
    expect(done.calls[0]).toMatchObject({
      executionId: json.executionId,
      attempt: 1,
      outcome: "confirmed",
      nextAttemptAt: null,
      retryHistory: [{ attempt: 1, status: "no-answer", at: expect.any(String) }],
    });
    expect(done.calls[0].transcript).toContain("Yes, that works for me.");
    expect(done.history.filter((entry: Json) => entry.to === "confirmed")).toHaveLength(1);
  });

  it("ends no_answer when the retries are spent", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(2) });
    simulator.setScenario(candidate.phone, "no-answer");
    await callNow(candidate.id);
    const done = await waitForCandidate(
      server.url,
      candidate.id,
      (body) => body.candidate.status === "no_answer" && body.calls[0]?.attempt === 2,
      20_000,
    );
    expect(done.candidate).toMatchObject({ statusReason: "No answer", nextAttemptAt: null });
    expect(done.calls[0].retryHistory.map((entry: Json) => entry.status)).toEqual(["no-answer", "no-answer"]);
  });

  it("never reads a voicemail as a confirmation; with retry_on_voicemail Bolna tries again, then it is no_answer", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(9) });
    await callNow(candidate.id);
    const pending = await waitForCandidate(server.url, candidate.id, waiting);
    expect(pending.candidate.statusReason).toMatch(/^Voicemail; Bolna tries again at .*, attempt 2 of 3$/);
    const done = await waitForCandidate(
      server.url,
      candidate.id,
      (body) => body.candidate.status === "no_answer" && body.calls[0]?.attempt === 2,
      20_000,
    );
    expect(done.candidate.statusReason).toBe("Voicemail: not reached, call again");
    expect(done.calls[0]).toMatchObject({ answeredByVoicemail: true, outcome: "no_answer" });
    expect(done.history.map((entry: Json) => entry.to)).not.toContain("confirmed");
  });

  it("stops a pending retry on request: the candidate is free to be called again", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(3) });
    simulator.setScenario(candidate.phone, "busy");
    const { json } = await callNow(candidate.id);
    await waitForCandidate(server.url, candidate.id, (body) => waiting(body) && body.candidate.callStatus === "scheduled");
    const busy = await callNow(candidate.id);
    expect(busy.status).toBe(409);
    expect(busy.json.error?.message).toMatch(/already scheduled for .* IST; stop it first/);

    const stopped = await api(server.url, `/api/calls/${json.executionId}/stop`, { method: "POST", ...asToken });
    expect(stopped.status, stopped.text).toBe(200);
    expect(stopped.json.candidate).toMatchObject({ status: "pending", statusReason: "Call stopped", nextAttemptAt: null });
    expect(simulated(json.executionId).execution.status).toBe("stopped");
    const again = await api(server.url, `/api/calls/${json.executionId}/stop`, { method: "POST", ...asToken });
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("call_not_stoppable");
  });

  it("lets a batch override the configured retries", async () => {
    const [none, one] = [
      await createCandidate(server.url, { phone: phoneEnding(1) }),
      await createCandidate(server.url, { phone: phoneEnding(1) }),
    ];
    const batch = async (candidateId: number, retry: unknown) => {
      const response = await api(server.url, "/api/batches", {
        method: "POST",
        ...asToken,
        body: { candidateIds: [candidateId], retry },
      });
      expect(response.status, response.text).toBe(201);
      const done = await waitForCandidate(server.url, candidateId, (body) => body.calls.length > 0);
      return simulated(done.calls[0].executionId).execution.retry_config;
    };
    expect(await batch(none.id, { maxRetries: 0 })).toBeNull();
    expect(await batch(one.id, { maxRetries: 1, intervalsMinutes: [5], onVoicemail: false })).toEqual({
      enabled: true,
      max_retries: 1,
      retry_on_statuses: ["no-answer", "busy", "failed"],
      retry_on_voicemail: false,
      retry_intervals_minutes: [5],
    });
    const invalid = await api(server.url, "/api/batches", {
      method: "POST",
      ...asToken,
      body: { candidateIds: [one.id], retry: { maxRetries: 4 } },
    });
    expect(invalid.status).toBe(422);
  });
});

// --- Webhook deliveries posted by the test: the orders Bolna may use ---

const ECHO = {
  enabled: true,
  max_retries: 3,
  retry_on_statuses: ["no-answer", "busy", "failed"],
  retry_intervals_minutes: [30, 60, 120],
};

/** One body of a retried execution: a sample body, re-aimed, with Bolna's retry fields and its own updated_at. */
function body(
  name: string,
  executionId: string,
  phone: string,
  attempt: number,
  updatedAt: string,
  extra: Partial<Body> = {},
): Body {
  return {
    ...retarget(loadPayload(name), executionId, phone),
    created_at: "2027-02-01T04:00:00.000000",
    updated_at: updatedAt,
    retry_count: attempt,
    retry_config: ECHO,
    retry_history: attempt === 0 ? null : [{ attempt: 1, status: "no-answer", at: "2027-02-01T04:01:00.000000" }],
    ...extra,
  };
}

function retriedCall(phone: string) {
  const id = crypto.randomUUID();
  return {
    id,
    queued0: body("01-queued", id, phone, 0, "2027-02-01T04:00:01.000000"),
    noAnswer0: body("06-no-answer", id, phone, 0, "2027-02-01T04:01:00.000000"),
    scheduled1: body("01-queued", id, phone, 1, "2027-02-01T04:01:01.000000", {
      status: "scheduled",
      scheduled_at: "2027-02-01T04:31:00.000000",
    }),
    queued1: body("01-queued", id, phone, 1, "2027-02-01T04:31:01.000000"),
    disconnected1: body("04-call-disconnected", id, phone, 1, "2027-02-01T04:33:00.000000"),
    confirmed1: body("05-completed-confirmed", id, phone, 1, "2027-02-01T04:34:00.000000"),
  };
}

describe("retried executions delivered out of order and twice (webhook)", () => {
  it("reads a no-answer with a retry to come as waiting, then moves to the time the scheduled retry names", async () => {
    const candidate = await createCandidate(server.url);
    const call = retriedCall(candidate.phone);
    expect((await postWebhook(server.url, call.noAnswer0)).json.result).toBe("applied");
    const waitingForRetry = (await api(server.url, `/api/candidates/${candidate.id}`, asToken)).json;
    expect(waitingForRetry.candidate).toMatchObject({
      status: "calling",
      nextAttemptAt: "2027-02-01T04:31:00.000Z",
      nextAttemptNumber: 2,
      statusReason: "No answer; Bolna tries again at Mon 1 Feb 2027, 10:01 IST, attempt 2 of 4",
    });
    await postWebhook(server.url, { ...call.scheduled1, scheduled_at: "2027-02-01T04:40:00.000000" });
    const scheduled = (await api(server.url, `/api/candidates/${candidate.id}`, asToken)).json;
    expect(scheduled.candidate).toMatchObject({
      status: "calling",
      callStatus: "scheduled",
      nextAttemptAt: "2027-02-01T04:40:00.000Z",
      statusReason: "No answer; Bolna tries again at Mon 1 Feb 2027, 10:10 IST, attempt 2 of 4",
    });
  });

  it("lets the later attempt decide whatever arrives after it: earlier attempts' bodies are stale, repeats duplicates", async () => {
    const candidate = await createCandidate(server.url);
    const call = retriedCall(candidate.phone);
    const results: string[] = [];
    for (const delivery of [call.confirmed1, call.noAnswer0, call.scheduled1, call.noAnswer0, call.queued0, call.disconnected1]) {
      const response = await postWebhook(server.url, delivery);
      expect(response.status).toBe(200);
      results.push(response.json.result as string);
    }
    expect(results).toEqual(["applied", "stale", "stale", "duplicate", "stale", "stale"]);
    const after = (await api(server.url, `/api/candidates/${candidate.id}`, asToken)).json;
    expect(after.candidate).toMatchObject({ status: "confirmed", callStatus: "completed", nextAttemptAt: null });
    expect(after.calls[0]).toMatchObject({
      status: "completed",
      attempt: 1,
      outcome: "confirmed",
      hangupReason: "Call recipient hungup",
    });
    expect(after.history.filter((entry: Json) => entry.source === "webhook").map((entry: Json) => entry.to)).toEqual([
      "confirmed",
    ]);
  });

  it("ends in the in-order state from a concurrent burst of every body, repeated", async () => {
    const reference = await createCandidate(server.url);
    const inOrder = retriedCall(reference.phone);
    for (const delivery of Object.values(inOrder).filter((value) => typeof value === "object"))
      await postWebhook(server.url, delivery);
    const subject = await createCandidate(server.url);
    const call = retriedCall(subject.phone);
    const bodies = Object.values(call).filter((value): value is Body => typeof value === "object");
    const burst = [...bodies, ...bodies].sort(() => Math.random() - 0.5);
    const answers = await Promise.all(burst.map((delivery) => postWebhook(server.url, delivery)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const view = async (id: number) => {
      const { candidate, calls } = (await api(server.url, `/api/candidates/${id}`, asToken)).json;
      const { status, statusReason, callStatus, nextAttemptAt, interviewAt } = candidate;
      const { status: callState, outcome, transcript, attempt, retryHistory } = calls[0];
      return {
        status,
        statusReason,
        callStatus,
        nextAttemptAt,
        interviewAt,
        callState,
        outcome,
        transcript,
        attempt,
        retryHistory,
      };
    };
    expect({ ...(await view(subject.id)), interviewAt: null }).toEqual({ ...(await view(reference.id)), interviewAt: null });
  });

  it("reads a voicemail as not reached, whatever its extraction and transcript say", async () => {
    const candidate = await createCandidate(server.url);
    const voicemail = {
      ...retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), candidate.phone),
      answered_by_voice_mail: true,
    };
    const response = await postWebhook(server.url, voicemail);
    expect(response.json).toMatchObject({ result: "applied", candidateStatus: "no_answer" });
    const after = (await api(server.url, `/api/candidates/${candidate.id}`, asToken)).json;
    expect(after.candidate.statusReason).toBe("Voicemail: not reached, call again");
    expect(after.calls[0]).toMatchObject({ outcome: "no_answer", answeredByVoicemail: true });
    expect(after.calls[0].extractedData.call_outcome).toBe("ACCEPTED");
  });
});
