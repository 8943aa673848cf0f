import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BolnaError, errorFromResponse } from "./bolna-errors";
import { createBolnaClient, formatScheduledAt, type BolnaClientOptions } from "./client";
import { parseExecution } from "./parse-execution";
import { startBolnaSimulator, type BolnaSimulator } from "./simulator/create-simulator";

const API_KEY = "client-test-key";
const AGENT_ID = "5bc97541-e320-4d95-a3a5-242cfe45621d";
const USER_DATA = {
  candidate_name: "Asha Verma",
  position: "Software Engineer",
  alternative_slots: ["2025-12-17 15:00"],
};

let simulator: BolnaSimulator;
beforeAll(async () => {
  simulator = await startBolnaSimulator({ apiKey: API_KEY, speed: 200, seed: 1, habits: false });
});
afterAll(() => simulator.close());

/** A client whose backoff waits are recorded instead of slept. */
function clientFor(options: Partial<BolnaClientOptions> = {}) {
  const sleeps: number[] = [];
  const client = createBolnaClient({
    baseUrl: simulator.url,
    apiKey: API_KEY,
    agentId: AGENT_ID,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<BolnaError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BolnaError);
  return error as BolnaError;
}

const place = (client: ReturnType<typeof clientFor>["client"], recipientPhone = "+919800000101") =>
  client.placeCall({ recipientPhone, userData: USER_DATA });

describe("Bolna client against the simulator", () => {
  it("places a call and returns its execution id", async () => {
    const { client } = clientFor();
    const placed = await place(client);
    expect(placed).toEqual({ executionId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: "queued" });
    const recorded = simulator.calls().find((call) => call.executionId === placed.executionId);
    expect(recorded).toMatchObject({ agentId: AGENT_ID, recipientPhone: "+919800000101", userData: USER_DATA });
  });

  it("reports a wrong API key as unauthorized without retrying", async () => {
    const { client, sleeps } = clientFor({ apiKey: "wrong" });
    const error = await rejection(place(client));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401 });
    expect(error.message).toMatch(/API key/);
    expect(sleeps).toEqual([]);
  });

  it("waits out a 429's Retry-After, then places the call once", async () => {
    const { client, sleeps } = clientFor();
    const before = simulator.calls().length;
    simulator.failNext({ status: 429, retryAfterSeconds: 1 });
    await place(client);
    expect(sleeps).toEqual([1000]);
    expect(simulator.calls()).toHaveLength(before + 1);
  });

  it("gives up as rate_limited when the 429s outlast the retries or ask for too long a wait", async () => {
    const { client, sleeps } = clientFor({ maxRetries: 2 });
    simulator.failNext({ status: 429, times: 3 });
    expect(await rejection(place(client))).toMatchObject({
      kind: "rate_limited",
      status: 429,
      mayHavePlacedCall: false,
    });
    expect(sleeps).toHaveLength(2);

    simulator.failNext({ status: 429, retryAfterSeconds: 120 });
    expect((await rejection(place(client))).kind).toBe("rate_limited");
    expect(sleeps).toHaveLength(2);
  });

  it("retries POST /call on a 503 but never on a 500, which may already have placed the call", async () => {
    const { client, sleeps } = clientFor();
    simulator.failNext({ status: 503 });
    await place(client);
    expect(sleeps).toHaveLength(1);

    const before = simulator.calls().length;
    simulator.failNext({ status: 500 });
    const error = await rejection(place(client));
    expect(error).toMatchObject({ kind: "unavailable", status: 500, mayHavePlacedCall: true });
    expect(error.message).toMatch(/may still be called/);
    expect(sleeps).toHaveLength(1);
    expect(simulator.calls()).toHaveLength(before);
  });

  it("retries a GET after a 500 with a jittered backoff", async () => {
    const { client, sleeps } = clientFor();
    const { executionId } = await place(client);
    simulator.failNext({ status: 500 });
    const { execution } = await client.getExecution(executionId);
    expect(execution.id).toBe(executionId);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(150);
    expect(sleeps[0]).toBeLessThanOrEqual(300);
  });

  it("times out a hung POST /call without placing a second call", async () => {
    const { client, sleeps } = clientFor({ timeoutMs: 150 });
    const before = simulator.calls().length;
    simulator.failNext({ hang: true });
    const error = await rejection(place(client));
    expect(error).toMatchObject({ kind: "timeout", mayHavePlacedCall: true });
    expect(sleeps).toEqual([]);
    expect(simulator.calls()).toHaveLength(before);
  });

  it("retries a hung GET and reports a timeout once every attempt hung", async () => {
    const { client, sleeps } = clientFor({ timeoutMs: 150, maxRetries: 1 });
    const { executionId } = await place(client);
    simulator.failNext({ hang: true });
    expect((await client.getExecution(executionId)).execution.id).toBe(executionId);
    simulator.failNext({ hang: true, times: 2 });
    expect(await rejection(client.getExecution(executionId))).toMatchObject({
      kind: "timeout",
      mayHavePlacedCall: false,
    });
    expect(sleeps).toHaveLength(2);
  });

  it("retries POST /call when the connection was refused, since nothing reached Bolna", async () => {
    const closed = await startBolnaSimulator({ apiKey: API_KEY });
    await closed.close();
    const { client, sleeps } = clientFor({ baseUrl: closed.url, maxRetries: 2 });
    expect(await rejection(place(client))).toMatchObject({ kind: "unavailable", mayHavePlacedCall: false });
    expect(sleeps).toHaveLength(2);
  });

  it("reports a number Bolna refuses as invalid_number", async () => {
    const { client } = clientFor();
    const error = await rejection(place(client, "98000 00101"));
    expect(error).toMatchObject({ kind: "invalid_number", status: 400 });
  });

  it("reports a low wallet balance and an unknown execution", async () => {
    const { client } = clientFor();
    simulator.failNext({ status: 400, message: "Insufficient wallet balance to place the call" });
    expect((await rejection(place(client))).kind).toBe("insufficient_balance");
    expect((await rejection(client.getExecution("no-such-execution"))).kind).toBe("not_found");
  });

  it("returns the latest execution, object and raw text, once the lifecycle has run", async () => {
    const { client } = clientFor();
    const { executionId } = await place(client);
    await vi.waitFor(async () => {
      expect((await client.getExecution(executionId)).execution.status).toBe("completed");
    });
    const { execution, rawText } = await client.getExecution(executionId);
    expect(JSON.parse(rawText)).toEqual(execution);
    const parsed = parseExecution(execution);
    expect(parsed.ok && parsed.execution).toMatchObject({
      executionId,
      status: "completed",
      phones: ["+919800000101"],
    });
  });

  it("stops a queued call, and only a queued or scheduled one", async () => {
    const slow = await startBolnaSimulator({ apiKey: API_KEY, speed: 1, habits: false });
    try {
      const { client } = clientFor({ baseUrl: slow.url });
      const { executionId } = await place(client);
      expect(await client.stopCall(executionId)).toEqual({ executionId, status: "stopped" });
      expect((await client.getExecution(executionId)).execution.status).toBe("stopped");
      expect(await rejection(client.stopCall(executionId))).toMatchObject({ kind: "rejected", status: 400 });
    } finally {
      await slow.close();
    }
  });

  it("schedules a call with an explicit +00:00 offset", async () => {
    const { client } = clientFor();
    const at = new Date(Date.now() + 10 * 60_000);
    const placed = await client.placeCall({ recipientPhone: "+919800000102", userData: {}, scheduledAt: at });
    expect(placed.status).toBe("scheduled");
    expect(formatScheduledAt(new Date("2025-12-10T09:30:12.481Z"))).toBe("2025-12-10T09:30:12+00:00");
    const recorded = simulator.calls().find((call) => call.executionId === placed.executionId);
    expect(recorded?.scheduledAt?.slice(0, 19)).toBe(at.toISOString().slice(0, 19));
  });
});

describe("Bolna error mapping", () => {
  it.each([
    [403, '{"message":"Forbidden"}', "unauthorized"],
    [402, '{"detail":"Wallet balance is low"}', "insufficient_balance"],
    [422, '{"detail":[{"msg":"recipient_phone_number is not a valid number"}]}', "invalid_number"],
    [400, '{"message":"agent_id is required"}', "rejected"],
    [502, "<html>Bad gateway</html>", "unavailable"],
  ] as const)("maps %i %s to %s", (status, body, kind) => {
    expect(errorFromResponse(status, body, false).kind).toBe(kind);
  });

  it("shows Bolna's own words when it refuses a request for a reason Callboard has no message for", () => {
    expect(errorFromResponse(400, '{"message":"agent_id is required"}', false).message).toBe(
      "Bolna refused the request: agent_id is required",
    );
  });
});
