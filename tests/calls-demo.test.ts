import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { callBatchItems, calls, candidates } from "@/db/schema";
import { API_TOKEN, api, createCandidate, createSlot, type Json } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import { startApiServer } from "./support/auth-client";
import type { TestServer } from "./support/server";
import { phoneEnding, waitForCandidate } from "./support/calls";

/**
 * "Call now" and batches against the real server in demo mode: its built-in Bolna simulator (started by
 * scripts/start.ts) plays each call and POSTs the lifecycle to the server's own /webhook. At speed 50 a call
 * takes about a third of a second.
 */
let server: TestServer;
let db: Db;

beforeAll(async () => {
  server = await startApiServer({ BOLNA_SIMULATOR_SPEED: "50", SEED_DEMO: "false" });
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const asToken = { token: API_TOKEN };
const callNow = (id: number) => api(server.url, `/api/candidates/${id}/call`, { method: "POST", ...asToken });
const getCandidate = (id: number) => api(server.url, `/api/candidates/${id}`, asToken);

describe("POST /api/candidates/{id}/call (demo mode)", () => {
  it("answers 202 with the execution id, marks the candidate calling, and the simulated outcome lands", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(1) });
    const response = await callNow(candidate.id);
    expect(response.status).toBe(202);
    expect(response.json).toEqual({ executionId: expect.any(String) });
    const { executionId } = response.json;

    const row = db.select().from(calls).where(eq(calls.executionId, executionId)).get();
    expect(row).toMatchObject({ candidateId: candidate.id, placedBy: "api-token" });
    const afterCall = (await getCandidate(candidate.id)).json;
    const placed = afterCall.history.find((entry: Json) => entry.source === "call");
    expect(placed).toMatchObject({ from: "pending", to: "calling", actor: "api-token" });
    expect(afterCall.candidate.lastCallAt).not.toBeNull();

    const final = await waitForCandidate(server.url, candidate.id, (json) => json.candidate.callStatus === "completed");
    expect(final.candidate.status).toBe("confirmed");
    expect(final.calls).toHaveLength(1);
    expect(final.calls[0]).toMatchObject({ executionId, status: "completed", outcome: "confirmed" });
    expect(final.calls[0].transcript).toContain(candidate.name);
    expect(db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()?.callRequestedAt).toBeNull();
  });

  it("starts exactly one call for two concurrent requests (one 202, one 409), then allows the next call", async () => {
    const candidate = await createCandidate(server.url, { phone: phoneEnding(2) });
    const answers = await Promise.all([callNow(candidate.id), callNow(candidate.id)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([202, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.json.error).toMatchObject({ code: "call_in_progress", message: expect.stringContaining(candidate.name) });
    expect(db.select().from(calls).where(eq(calls.candidateId, candidate.id)).all()).toHaveLength(1);

    // While the call is going on, a third request is refused too.
    const during = await callNow(candidate.id);
    if (during.status !== 202) expect(during.json.error?.code).toBe("call_in_progress");
    else throw new Error("a second call started while the first was going on");

    await waitForCandidate(server.url, candidate.id, (json) => json.candidate.status === "no_answer");
    expect(db.select().from(calls).where(eq(calls.candidateId, candidate.id)).all()).toHaveLength(1);
    const again = await callNow(candidate.id);
    expect(again.status).toBe(202);
    await waitForCandidate(
      server.url,
      candidate.id,
      (json) => json.calls.length === 2 && json.calls.every((call: Json) => call.status === "no-answer"),
    );
  });

  it("refuses to call a declined candidate whose slot filled up since, and calls nobody", async () => {
    const slot = await createSlot(server.url, undefined, 1);
    const declined = await createCandidate(server.url, { phone: phoneEnding(1), interviewAt: slot.startsAt });
    const decline = { method: "PUT", ...asToken, body: { status: "declined", reason: "Declined by email" } } as const;
    expect((await api(server.url, `/api/candidates/${declined.id}/status`, decline)).status).toBe(200);
    await createCandidate(server.url, { phone: phoneEnding(1), interviewAt: slot.startsAt });

    const response = await callNow(declined.id);
    expect(response.status).toBe(409);
    expect(response.json.error).toMatchObject({
      code: "slot_full",
      message: expect.stringContaining("move them to a free slot"),
    });
    expect(db.select().from(calls).where(eq(calls.candidateId, declined.id)).all()).toEqual([]);
    expect((await getCandidate(declined.id)).json.candidate).toMatchObject({ status: "declined" });
  });

  it("answers 404 for an unknown candidate and 401 without credentials", async () => {
    expect((await callNow(987_654)).status).toBe(404);
    expect((await api(server.url, "/api/candidates/1/call", { method: "POST" })).status).toBe(401);
  });
});

describe("batches (demo mode)", () => {
  type Sample = { inFlight: number; finished: number };

  /** Polls the batch until it is finished, recording the counts at every poll. */
  async function followBatch(id: number, timeout = 60_000): Promise<{ batch: Json; samples: Sample[] }> {
    const samples: Sample[] = [];
    const deadline = Date.now() + timeout;
    for (;;) {
      const { status, json } = await api(server.url, `/api/batches/${id}`, asToken);
      expect(status).toBe(200);
      const { counts } = json.batch;
      samples.push({ inFlight: counts.inFlight, finished: counts.done + counts.failed + counts.cancelled });
      if (json.batch.finishedAt) return { batch: json.batch, samples };
      if (Date.now() > deadline) throw new Error(`batch ${id} did not finish: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** The most items whose [startedAt, finishedAt) intervals overlap, from what the runner stored. */
  function maxOverlap(batchId: number): number {
    const items = db.select().from(callBatchItems).where(eq(callBatchItems.batchId, batchId)).all();
    const events = items.flatMap((item) => [[item.startedAt!.getTime(), 1] as const, [item.finishedAt!.getTime(), -1] as const]);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let current = 0;
    let most = 0;
    for (const [, change] of events) most = Math.max(most, (current += change));
    return most;
  }

  it("calls 20 candidates never more than 3 at a time, and shows progress to completion", async () => {
    const digits = [1, 7, 0, 2, 3, 5, 6, 8, 9, 1];
    const created: Json[] = [];
    for (let i = 0; i < 20; i++)
      created.push(await createCandidate(server.url, { phone: phoneEnding(digits[i % digits.length]!) }));
    const ids = created.map((candidate) => candidate.id as number);

    const response = await api(server.url, "/api/batches", {
      method: "POST",
      body: { candidateIds: ids, concurrency: 3, pacingMs: 0 },
      ...asToken,
    });
    expect(response.status).toBe(201);
    expect(response.json.batch).toMatchObject({ status: "running", concurrency: 3, pacingMs: 0, createdBy: "api-token" });
    expect(response.json.batch.counts.total).toBe(20);

    const { batch, samples } = await followBatch(response.json.batch.id);
    expect(Math.max(...samples.map((sample) => sample.inFlight))).toBeLessThanOrEqual(3);
    expect(samples.some((sample) => sample.inFlight === 3)).toBe(true);
    for (let i = 1; i < samples.length; i++) expect(samples[i]!.finished).toBeGreaterThanOrEqual(samples[i - 1]!.finished);
    expect(new Set(samples.map((sample) => sample.finished)).size).toBeGreaterThan(3);
    expect(maxOverlap(batch.id)).toBeLessThanOrEqual(3);

    expect(batch.status).toBe("done");
    expect(batch.counts).toMatchObject({ total: 20, queued: 0, inFlight: 0, done: 20, failed: 0 });
    expect(Object.values(batch.outcomes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(20);
    expect(batch.outcomes.confirmed).toBeGreaterThan(0);
    for (const item of batch.items as Json[]) {
      expect(item.executionId).toEqual(expect.any(String));
      expect(["completed", "no-answer", "busy"]).toContain(item.callStatus);
    }
    const placedBy = db
      .select({ placedBy: calls.placedBy, batchId: calls.batchId })
      .from(calls)
      .where(eq(calls.batchId, batch.id))
      .all();
    expect(placedBy).toHaveLength(20);
    expect(new Set(placedBy.map((row) => row.placedBy))).toEqual(new Set([`batch #${batch.id}`]));
    const history = (await getCandidate(ids[0]!)).json.history as Json[];
    expect(history.find((entry) => entry.source === "call")).toMatchObject({ actor: `api-token (batch #${batch.id})` });
  });

  it("counts a candidate already being called as failed, and paces call starts", async () => {
    const busy = await createCandidate(server.url, { phone: phoneEnding(7) });
    const other = await createCandidate(server.url, { phone: phoneEnding(1) });
    expect((await callNow(busy.id)).status).toBe(202);
    const response = await api(server.url, "/api/batches", {
      method: "POST",
      body: { candidateIds: [busy.id, other.id], concurrency: 3, pacingMs: 400 },
      ...asToken,
    });
    const { batch } = await followBatch(response.json.batch.id);
    expect(batch.counts).toMatchObject({ done: 1, failed: 1 });
    const [first, second] = batch.items as Json[];
    expect(first).toMatchObject({ candidateId: busy.id, state: "failed", error: expect.stringMatching(/already/) });
    expect(second).toMatchObject({ candidateId: other.id, state: "done" });
    expect(Date.parse(second!.startedAt) - Date.parse(first!.startedAt)).toBeGreaterThanOrEqual(400);
  });

  it("cancels the queued items of a running batch; the call under way finishes", async () => {
    const created: Json[] = [];
    for (let i = 0; i < 4; i++) created.push(await createCandidate(server.url, { phone: phoneEnding(1) }));
    const response = await api(server.url, "/api/batches", {
      method: "POST",
      body: { candidateIds: created.map((candidate) => candidate.id), concurrency: 1, pacingMs: 0 },
      ...asToken,
    });
    const id = response.json.batch.id;
    const cancelled = await api(server.url, `/api/batches/${id}/cancel`, { method: "POST", ...asToken });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.batch.status).toBe("cancelled");
    expect(cancelled.json.batch.counts.queued).toBe(0);
    expect(cancelled.json.batch.counts.cancelled).toBeGreaterThanOrEqual(3);

    const { batch } = await followBatch(id);
    expect(batch.status).toBe("cancelled");
    expect(batch.counts.done + batch.counts.cancelled).toBe(4);
    const again = await api(server.url, `/api/batches/${id}/cancel`, { method: "POST", ...asToken });
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("batch_not_running");
  });

  it("validates the request", async () => {
    const post = (body: unknown) => api(server.url, "/api/batches", { method: "POST", body, ...asToken });
    expect((await post({})).status).toBe(422);
    const unknown = await post({ candidateIds: [987_654] });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error?.field).toBe("candidateIds");
    expect((await post({ candidateIds: [1], concurrency: 0 })).json.error?.field).toBe("concurrency");
    expect((await api(server.url, "/api/batches/987654", asToken)).status).toBe(404);
    const list = await api(server.url, "/api/batches", asToken);
    expect(list.status).toBe(200);
    expect(list.json.batches.length).toBeGreaterThan(0);
  });
});
