import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { callBatchItems, callBatches, calls } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { createBatch } from "./batches";
import { createBatchRunner, type Claim, type RunnerDeps } from "./runner";

let db: Db;
let clock: number;
const actor = { kind: "token", id: "api-token", label: "api-token", role: "admin" } as const;

beforeEach(() => {
  db = openTestDatabase(tempDatabasePath("batch-runner"));
  clock = Date.parse("2026-01-01T10:00:00Z");
});

afterEach(() => {
  db.$client.close();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function newBatch(size: number, concurrency: number, pacingMs = 0) {
  const ids = Array.from({ length: size }, () => insertCandidate(db).id);
  return createBatch(db, { candidateIds: ids, allPending: false, concurrency, pacingMs }, actor);
}

/** A fake Bolna: each placement creates the call row the webhook pipeline would, with status queued. */
function runner(overrides: Partial<RunnerDeps> = {}) {
  let placed = 0;
  const instance = createBatchRunner({
    db,
    itemTimeoutMs: () => 10 * 60_000,
    now: () => new Date(clock),
    place: async ({ item, batch }: Claim) => {
      placed += 1;
      const executionId = `exec-${item.id}`;
      db.insert(calls)
        .values({ executionId, candidateId: item.candidateId, status: "queued", batchId: batch.id, updatedAt: new Date(clock) })
        .run();
      return executionId;
    },
    ...overrides,
  });
  return { instance, placed: () => placed };
}

const items = (batchId: number) =>
  db.select().from(callBatchItems).where(eq(callBatchItems.batchId, batchId)).orderBy(callBatchItems.id).all();
const states = (batchId: number) => items(batchId).map((item) => item.state);
const endCall = (executionId: string, status: string) =>
  db.update(calls).set({ status }).where(eq(calls.executionId, executionId)).run();
const batchRow = (id: number) => db.select().from(callBatches).where(eq(callBatches.id, id)).get()!;

describe("batch runner", () => {
  it("keeps at most `concurrency` calls in flight and settles items when their call ends", async () => {
    const batch = newBatch(5, 2);
    const { instance } = runner();
    instance.tick();
    await flush();
    expect(states(batch.id)).toEqual(["in_flight", "in_flight", "queued", "queued", "queued"]);
    instance.tick();
    expect(states(batch.id).filter((state) => state === "in_flight")).toHaveLength(2);

    const [first] = items(batch.id);
    endCall(first!.executionId!, "completed");
    instance.tick();
    await flush();
    expect(states(batch.id)).toEqual(["done", "in_flight", "in_flight", "queued", "queued"]);

    for (const item of items(batch.id)) if (item.executionId) endCall(item.executionId, "failed");
    instance.tick();
    await flush();
    expect(states(batch.id)).toEqual(["done", "failed", "failed", "in_flight", "in_flight"]);
    expect(items(batch.id)[1]!.error).toBe("Call failed");
    for (const item of items(batch.id)) if (item.executionId) endCall(item.executionId, "no-answer");
    instance.tick();
    expect(batchRow(batch.id)).toMatchObject({ status: "done", finishedAt: new Date(clock) });
  });

  it("waits pacingMs between call starts", async () => {
    const batch = newBatch(3, 3, 1_000);
    const { instance } = runner();
    instance.tick();
    instance.tick();
    await flush();
    expect(states(batch.id)).toEqual(["in_flight", "queued", "queued"]);
    clock += 999;
    instance.tick();
    expect(states(batch.id)).toEqual(["in_flight", "queued", "queued"]);
    clock += 1;
    instance.tick();
    expect(states(batch.id)).toEqual(["in_flight", "in_flight", "queued"]);
  });

  it("resumes after a restart: a new runner continues the batch, and settles an item orphaned mid-placement", async () => {
    const batch = newBatch(4, 2);
    // The first process claims two items, places one, and stops before Bolna answers the other.
    let attempts = 0;
    const dying = runner({ place: (claim) => (++attempts === 1 ? placeNow(claim) : new Promise<string>(() => {})) });
    dying.instance.tick();
    await flush();
    expect(items(batch.id).map((item) => [item.state, item.executionId !== null])).toEqual([
      ["in_flight", true],
      ["in_flight", false],
      ["queued", false],
      ["queued", false],
    ]);

    const restarted = runner();
    restarted.instance.tick();
    // Too early to call the unanswered one lost: nothing new starts while two count as in flight.
    expect(states(batch.id)).toEqual(["in_flight", "in_flight", "queued", "queued"]);
    clock += 121_000;
    restarted.instance.tick();
    await flush();
    const [, orphan] = items(batch.id);
    expect(orphan).toMatchObject({ state: "failed", error: expect.stringMatching(/^Interrupted/) });
    expect(states(batch.id)).toEqual(["in_flight", "failed", "in_flight", "queued"]);
    expect(restarted.placed()).toBe(1);

    function placeNow({ item, batch: owner }: Claim): Promise<string> {
      const executionId = `exec-${item.id}`;
      db.insert(calls)
        .values({ executionId, candidateId: item.candidateId, status: "queued", batchId: owner.id, updatedAt: new Date(clock) })
        .run();
      return Promise.resolve(executionId);
    }
  });

  it("adopts the call of an orphaned item when a webhook showed it, and times out a call that never ends", async () => {
    const batch = newBatch(1, 1);
    const hung = runner({ place: () => new Promise<string>(() => {}) });
    hung.instance.tick();
    const [item] = items(batch.id);
    // The webhook pipeline saw the call (matched by phone); placeCall stored the batch on it.
    db.insert(calls)
      .values({
        executionId: "seen-by-webhook",
        candidateId: item!.candidateId,
        status: "ringing",
        batchId: batch.id,
        updatedAt: new Date(clock),
      })
      .run();
    clock += 121_000;
    const restarted = runner();
    restarted.instance.tick();
    expect(items(batch.id)[0]).toMatchObject({ state: "in_flight", executionId: "seen-by-webhook" });
    clock += 9 * 60_000;
    restarted.instance.tick();
    expect(items(batch.id)[0]).toMatchObject({ state: "failed", error: expect.stringMatching(/^No final status from Bolna/) });
    expect(batchRow(batch.id).status).toBe("done");
  });

  it("records a refused placement as failed with its message", async () => {
    const batch = newBatch(2, 2);
    const { instance } = runner({
      place: async () => {
        throw new ApiError("call_in_progress", "Asha is already on a call (ringing).");
      },
    });
    instance.tick();
    await flush();
    await flush();
    expect(items(batch.id).map((item) => [item.state, item.error])).toEqual([
      ["failed", "Asha is already on a call (ringing)."],
      ["failed", "Asha is already on a call (ringing)."],
    ]);
    instance.tick();
    expect(batchRow(batch.id).status).toBe("done");
    expect(instance.pending()).toBe(0);
  });
});
