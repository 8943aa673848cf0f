import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBolnaClient } from "@/lib/bolna/client";
import { isTerminalStatus, statusRank } from "@/lib/bolna/call-status";
import { parseExecution, type Execution } from "@/lib/bolna/parse-execution";
import { classifyWords } from "@/lib/calls/classify-transcript";
import { readCandidateWords } from "@/lib/calls/words/candidate-words";
import { deriveOutcome } from "@/lib/calls/derive-outcome";
import { loadPayload } from "@/tests/support/payloads";
import { startBolnaSimulator, type ScenarioName, type SimulatorOptions } from "./create-simulator";

const API_KEY = "sim-test-key";
const AGENT_ID = "5bc97541-e320-4d95-a3a5-242cfe45621d";
const fixture = (file: string) => loadPayload(file.replace(/\.json$/, ""));

// The prototype's keys (spoken slots), plus the readable list the simulator documents for rescheduling.
function userDataFor(name: string) {
  return {
    candidate_name: name,
    name,
    position: "Software Engineer",
    interview_datetime_formatted: "Monday, the 15th of December at 2 o'clock in the afternoon",
    original_slot: { date: "Monday, the 15th of December", time: "2:00 P.M.", day_of_week: "Monday" },
    original_slot_iso: { date: "2025-12-15", time: "2:00 PM" },
    alternative_slots: ["Wednesday, the 17th of December at 3:00 P.M.", "Friday, the 19th of December at 1:00 P.M."],
    alternative_slots_iso: [
      { date: "2025-12-17", time: "3:00 PM" },
      { date: "2025-12-19", time: "13:00" },
    ],
  };
}

type Received = { text: string; headers: Record<string, string | string[] | undefined> };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A webhook target; `failFirst` requests get a 500 before it starts answering 200. */
async function startReceiver(failFirst = 0) {
  const received: Received[] = [];
  let requests = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    requests++;
    if (requests <= failFirst) return res.writeHead(500).end();
    received.push({ text: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    requests: () => requests,
  };
}

/** A simulator, its webhook target, and a client for it. */
async function simulate(options: Partial<SimulatorOptions>, receiverFailsFirst = 0) {
  const receiver = await startReceiver(receiverFailsFirst);
  const simulator = await startBolnaSimulator({ apiKey: API_KEY, webhookUrl: receiver.url, ...options });
  cleanups.push(() => simulator.close());
  const client = createBolnaClient({ baseUrl: simulator.url, apiKey: API_KEY, agentId: AGENT_ID });
  return { simulator, client, receiver };
}

function executionsOf(received: Received[], executionId: string): { text: string; execution: Execution }[] {
  return received.flatMap(({ text }) => {
    const parsed = parseExecution(JSON.parse(text));
    return parsed.ok && parsed.execution.executionId === executionId ? [{ text, execution: parsed.execution }] : [];
  });
}

async function waitForTerminal(received: Received[], executionId: string) {
  await vi.waitFor(() => {
    expect(executionsOf(received, executionId).some(({ execution }) => isTerminalStatus(execution.status))).toBe(true);
  }, 5_000);
}

const PHONES: Record<ScenarioName, string> = {
  confirmed: "+919811110001",
  declined: "+919811110002",
  rescheduled: "+919811110003",
  "no-answer": "+919811110004",
  busy: "+919811110005",
  failed: "+919811110006",
  voicemail: "+919811110007",
  "stop-calling": "+919811110008",
  transferred: "+919811110009",
};

describe("Bolna simulator", () => {
  it("plays every scenario into bodies that derive the right outcome, in the fixtures' shape", async () => {
    const { simulator, client, receiver } = await simulate({
      speed: 200,
      seed: 11,
      deliveryHeaders: { "x-webhook-secret": "s3cret" },
    });
    const ids = {} as Record<ScenarioName, string>;
    for (const [scenario, phone] of Object.entries(PHONES) as [ScenarioName, string][]) {
      simulator.setScenario(phone, scenario);
      ids[scenario] = (await client.placeCall({ recipientPhone: phone, userData: userDataFor("Asha Verma") })).executionId;
    }
    for (const id of Object.values(ids)) await waitForTerminal(receiver.received, id);

    const outcomeOf = (scenario: ScenarioName) => {
      const terminal = executionsOf(receiver.received, ids[scenario]).filter(({ execution }) =>
        isTerminalStatus(execution.status),
      );
      const outcomes = terminal.map(({ execution }) => deriveOutcome(execution, "UTC"));
      expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome))).size).toBe(1);
      return outcomes[0]!;
    };
    expect(outcomeOf("confirmed").outcome).toBe("confirmed");
    expect(outcomeOf("declined").outcome).toBe("declined");
    const rescheduled = outcomeOf("rescheduled");
    expect(rescheduled.outcome).toBe("rescheduled");
    expect([Date.parse("2025-12-17T15:00:00Z"), Date.parse("2025-12-19T13:00:00Z")]).toContain(
      rescheduled.newInterviewAt?.getTime(),
    );
    expect(outcomeOf("no-answer")).toMatchObject({ outcome: "no_answer", reason: "No answer" });
    expect(outcomeOf("busy")).toMatchObject({ outcome: "pending", reason: "Line busy" });
    expect(outcomeOf("failed")).toMatchObject({ outcome: "pending", reason: expect.stringMatching(/^Call failed/) });
    // The greeting says "Yes, I'll call you back": a machine's words, never a confirmation.
    expect(outcomeOf("voicemail")).toMatchObject({ outcome: "no_answer", reason: expect.stringMatching(/^Voicemail/) });
    // "Stop calling me" decides nothing about the interview; it is read apart (lib/calls/stop-calling-request.ts).
    expect(outcomeOf("stop-calling").outcome).toBe("pending");
    expect(outcomeOf("transferred").outcome).toBe("pending");
    const transferred = executionsOf(receiver.received, ids.transferred).find(({ text }) =>
      text.includes('"status":"completed"'),
    );
    expect(transferred?.execution.transfer).toMatchObject({ to: "+919800012345" });

    const template = fixture("05-completed-confirmed.json");
    for (const { text, headers } of receiver.received) {
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(headers["content-type"]).toBe("application/json");
      expect(headers["x-webhook-secret"]).toBe("s3cret");
      expect(Object.keys(body)).toEqual(Object.keys(template));
      expect(Object.keys(body.telephony_data as object)).toEqual(Object.keys(template.telephony_data as object));
      expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
      expect(body.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
      expect(body.context_details).toEqual({
        recipient_data: userDataFor("Asha Verma"),
        recipient_phone_number: body.user_number,
      });
      const duration = (body.telephony_data as Record<string, unknown>).duration;
      if (isTerminalStatus(body.status as string)) expect(typeof duration).toBe("string");
    }
  });

  it("writes transcripts in which the candidate's own words carry the outcome", async () => {
    const { simulator, client, receiver } = await simulate({ speed: 200, seed: 5, habits: false });
    const transcripts: Record<string, string> = {};
    for (const scenario of ["confirmed", "declined", "rescheduled"] as const) {
      simulator.setScenario(PHONES[scenario], scenario);
      const { executionId } = await client.placeCall({
        recipientPhone: PHONES[scenario],
        userData: userDataFor("Kavya Nair"),
      });
      await waitForTerminal(receiver.received, executionId);
      const [completed] = executionsOf(receiver.received, executionId).filter(
        ({ execution }) => execution.status === "completed",
      );
      transcripts[scenario] = completed!.execution.transcript!;
    }
    for (const transcript of Object.values(transcripts)) {
      expect(
        transcript
          .trim()
          .split("\n")
          .every((line) => /^(assistant|user): \S/.test(line)),
      ).toBe(true);
      expect(transcript).toContain("Kavya Nair");
    }
    const read = (transcript: string) => classifyWords(readCandidateWords(transcript)).outcome;
    expect(read(transcripts.confirmed!)).toBe("confirmed");
    expect(read(transcripts.declined!)).toBe("declined");
    expect(read(transcripts.rescheduled!)).toBe("rescheduled");
  });

  it("duplicates, reorders and sends call-disconnected before completed when its habits are on", async () => {
    const { simulator, client, receiver } = await simulate({ speed: 50, seed: 2024 });
    simulator.setScenario("default", "confirmed");
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push(
        (await client.placeCall({ recipientPhone: `+91982222000${i}`, userData: userDataFor("Rahul Mehta") })).executionId,
      );
    }
    for (const id of ids) await waitForTerminal(receiver.received, id);
    // Deliveries still in flight (a duplicate of the terminal body, a late non-terminal one) land shortly after.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const perCall = ids.map((id) => executionsOf(receiver.received, id));
    const duplicated = perCall.some((events) => new Set(events.map(({ text }) => text)).size < events.length);
    const outOfOrder = perCall.some((events) =>
      events.some(({ execution }, i) => i > 0 && statusRank(execution.status) < statusRank(events[i - 1]!.execution.status)),
    );
    expect(duplicated).toBe(true);
    expect(outOfOrder).toBe(true);
    for (const events of perCall) {
      const disconnected = events.find(({ execution }) => execution.status === "call-disconnected")?.execution;
      expect(disconnected?.transcript).toBeTruthy();
      expect(disconnected?.extractedData).toBeNull();
    }
  });

  it("delivers each status once and in order when its habits are off", async () => {
    const { client, receiver } = await simulate({ speed: 200, habits: false });
    const { executionId } = await client.placeCall({
      recipientPhone: "+919800000101",
      userData: userDataFor("Asha Verma"),
    });
    await waitForTerminal(receiver.received, executionId);
    const statuses = executionsOf(receiver.received, executionId).map(({ execution }) => execution.status);
    expect(statuses).toEqual(["queued", "ringing", "in-progress", "completed"]);
  });

  it("loses every webhook of a dropped call while GET /executions still tells how it ended", async () => {
    const { simulator, client, receiver } = await simulate({ speed: 200, habits: false });
    simulator.setScenario("+919833330001", { name: "declined", dropWebhooks: true });
    const lost = await client.placeCall({ recipientPhone: "+919833330001", userData: userDataFor("Neha Iyer") });
    const delivered = await client.placeCall({ recipientPhone: "+919833330002", userData: userDataFor("Rohan Das") });
    await waitForTerminal(receiver.received, delivered.executionId);
    await vi.waitFor(async () => {
      expect((await client.getExecution(lost.executionId)).execution.status).toBe("completed");
    });
    expect(executionsOf(receiver.received, lost.executionId)).toEqual([]);
    const parsed = parseExecution((await client.getExecution(lost.executionId)).execution);
    expect(parsed.ok && deriveOutcome(parsed.execution, "UTC")?.outcome).toBe("declined");
  });

  it("retries a delivery the receiver refused", async () => {
    const { simulator, client, receiver } = await simulate({ speed: 200, habits: false }, 2);
    simulator.setScenario("default", "busy");
    const { executionId } = await client.placeCall({ recipientPhone: "+919844440001", userData: {} });
    await waitForTerminal(receiver.received, executionId);
    await vi.waitFor(() => expect(executionsOf(receiver.received, executionId)).toHaveLength(3));
    expect(receiver.requests()).toBe(5);
  });

  it("refuses what Bolna refuses", async () => {
    const { simulator } = await simulate({ speed: 200 });
    const post = (body: unknown, key = API_KEY) =>
      fetch(`${simulator.url}/call`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const valid = { agent_id: AGENT_ID, recipient_phone_number: "+919800000101", user_data: {} };
    expect((await post(valid, "wrong")).status).toBe(401);
    expect(await (await post({ ...valid, agent_id: undefined })).json()).toEqual({ message: "agent_id is required" });
    expect((await post({ ...valid, recipient_phone_number: "98000 00101" })).status).toBe(400);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(await (await post({ ...valid, scheduled_at: inAnHour })).json()).toEqual({
      message: "scheduled_at must be ISO 8601 with an offset such as +00:00",
    });
    expect((await post({ ...valid, scheduled_at: inAnHour.replace("Z", "+00:00") })).status).toBe(200);
    const inAMinute = new Date(Date.now() + 60_000).toISOString().replace("Z", "+00:00");
    expect(await (await post({ ...valid, scheduled_at: inAMinute })).json()).toEqual({
      message: "scheduled_at must be at least 2 minutes in the future",
    });
    for (const retry_config of [
      { enabled: true, max_retries: 4 },
      { enabled: true, max_retries: 0 },
      { enabled: true, retry_on_statuses: ["completed"] },
      { enabled: true, retry_intervals_minutes: [] },
      { enabled: "yes" },
    ]) {
      expect((await post({ ...valid, retry_config })).status, JSON.stringify(retry_config)).toBe(400);
    }
    expect(simulator.calls()).toHaveLength(1);
  });

  it("plays Bolna's retries: the same execution back to scheduled with retry_count and retry_history, until one ends", async () => {
    const { simulator, receiver } = await simulate({ speed: 600, habits: false });
    simulator.setScenario("+919855550001", { name: "no-answer", retries: ["busy", "confirmed"] });
    const response = await fetch(`${simulator.url}/call`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        agent_id: AGENT_ID,
        recipient_phone_number: "+919855550001",
        user_data: userDataFor("Asha Verma"),
        retry_config: { enabled: true, max_retries: 3, retry_intervals_minutes: [1, 2] },
      }),
    });
    const { execution_id: id } = (await response.json()) as { execution_id: string };
    await vi.waitFor(() => expect(executionsOf(receiver.received, id).at(-1)?.execution.status).toBe("completed"), 10_000);
    const events = executionsOf(receiver.received, id).map(({ execution }) => execution);
    expect(events.map((event) => `${event.attempt}:${event.status}`)).toEqual([
      "0:queued",
      "0:ringing",
      "0:no-answer",
      "1:scheduled",
      "1:queued",
      "1:ringing",
      "1:busy",
      "2:scheduled",
      "2:queued",
      "2:ringing",
      "2:in-progress",
      "2:completed",
    ]);
    const secondRetry = events[7]!;
    expect(secondRetry.retryHistory?.map(({ attempt, status }) => ({ attempt, status }))).toEqual([
      { attempt: 1, status: "no-answer" },
      { attempt: 2, status: "busy" },
    ]);
    // The second interval (2 minutes) divided by the speed: 200 ms after the busy attempt ended.
    const waited = secondRetry.scheduledAt!.getTime() - secondRetry.updatedAt!.date.getTime();
    expect(Math.abs(waited - 200)).toBeLessThan(50);
    expect(secondRetry.transcript).toBeNull();
    expect(events.at(-1)?.retryConfig).toMatchObject({ max_retries: 3, retry_intervals_minutes: [1, 2] });
    expect(deriveOutcome(events.at(-1)!, "UTC")?.outcome).toBe("confirmed");
  });

  it("stops a call waiting for its retry (POST /call/{id}/stop)", async () => {
    const { simulator, client, receiver } = await simulate({ speed: 60, habits: false });
    simulator.setScenario("+919855550002", "no-answer");
    const response = await fetch(`${simulator.url}/call`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({
        agent_id: AGENT_ID,
        recipient_phone_number: "+919855550002",
        retry_config: { enabled: true, max_retries: 1, retry_intervals_minutes: [60] },
      }),
    });
    const { execution_id: id } = (await response.json()) as { execution_id: string };
    await vi.waitFor(() => expect(executionsOf(receiver.received, id).at(-1)?.execution.status).toBe("scheduled"), 5_000);
    expect((await client.stopCall(id)).status).toBe("stopped");
    const stopped = parseExecution((await client.getExecution(id)).execution);
    expect(stopped.ok && stopped.execution).toMatchObject({ status: "stopped", attempt: 1 });
    await expect(client.stopCall(id)).rejects.toThrow();
  });

  it("leaves no timer behind once closed", async () => {
    const pendingTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === "Timeout").length;
    const before = pendingTimers();
    const receiver = await startReceiver();
    const simulator = await startBolnaSimulator({ apiKey: API_KEY, webhookUrl: receiver.url, speed: 1 });
    const client = createBolnaClient({ baseUrl: simulator.url, apiKey: API_KEY, agentId: AGENT_ID });
    await client.placeCall({ recipientPhone: "+919800000101", userData: userDataFor("Asha Verma") });
    expect(pendingTimers()).toBeGreaterThan(before);
    await simulator.close();
    expect(pendingTimers()).toBeLessThanOrEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received).toEqual([]);
  });
});
