import { and, asc, desc, eq, inArray, isNull, max, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callBatchItems, callBatches, calls, type CallBatch, type CallBatchItem } from "@/db/schema";
import { bolnaClient } from "@/lib/bolna/active-client";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { configuredRetryConfig } from "@/lib/calls/call-settings";
import { placeCandidateCall } from "@/lib/calls/place-call";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { log } from "@/lib/log";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Statuses after which Bolna made its attempt; the others (failed, error, balance-low, …) count as failed. */
const ATTEMPTED = new Set(["completed", "no-answer", "busy"]);
/** An item claimed but never given an execution id (the process stopped mid-request) is settled after this. */
const ORPHAN_AFTER_MS = 2 * 60_000;

export type Claim = { batch: CallBatch; item: CallBatchItem };

export type RunnerDeps = {
  db: Db;
  /** Places the item's call; resolves to the execution id. Throws an ApiError with a readable message on failure. */
  place: (claim: Claim) => Promise<string>;
  itemTimeoutMs: () => number;
  /** Asks for a pass soon (the job's runSoon). */
  wake?: () => void;
  now?: () => Date;
};

function activeBatches(tx: Pick<Db, "select">): CallBatch[] {
  return tx
    .select()
    .from(callBatches)
    .where(or(eq(callBatches.status, "running"), and(eq(callBatches.status, "cancelled"), isNull(callBatches.finishedAt))))
    .orderBy(asc(callBatches.id))
    .all();
}

function finishItem(tx: Tx, id: number, state: "done" | "failed", now: Date, error: string | null = null): void {
  tx.update(callBatchItems).set({ state, error, finishedAt: now }).where(eq(callBatchItems.id, id)).run();
}

/** Settles in-flight items whose call reached a terminal status, timed out, or was orphaned by a restart. */
function settle(tx: Tx, batch: CallBatch, now: Date, placing: ReadonlySet<number>, timeoutMs: number): number {
  const inFlight = tx
    .select({
      item: callBatchItems,
      callStatus: calls.status,
      callError: calls.errorMessage,
      lastEventAt: calls.lastEventAt,
      nextAttemptAt: calls.nextAttemptAt,
    })
    .from(callBatchItems)
    .leftJoin(calls, eq(calls.executionId, callBatchItems.executionId))
    .where(and(eq(callBatchItems.batchId, batch.id), eq(callBatchItems.state, "in_flight")))
    .all();
  let still = 0;
  for (const { item, callStatus, callError, lastEventAt, nextAttemptAt } of inFlight) {
    const age = now.getTime() - (item.startedAt ?? now).getTime();
    // A call scheduled for calling hours, or waiting for Bolna's retry, is still this item's: it keeps its place
    // in the batch's concurrency, and its timeout runs from when it is due or was last heard of.
    const quietFor =
      now.getTime() - Math.max((item.startedAt ?? now).getTime(), lastEventAt?.getTime() ?? 0, nextAttemptAt?.getTime() ?? 0);
    if (item.executionId === null) {
      if (placing.has(item.id) || age < ORPHAN_AFTER_MS) {
        still++;
        continue;
      }
      // The process stopped between claiming and Bolna's answer: a webhook may have shown the call anyway.
      const seen = tx
        .select({ executionId: calls.executionId })
        .from(calls)
        .where(and(eq(calls.candidateId, item.candidateId), eq(calls.batchId, batch.id)))
        .orderBy(desc(calls.id))
        .get();
      if (seen) {
        tx.update(callBatchItems).set({ executionId: seen.executionId }).where(eq(callBatchItems.id, item.id)).run();
        still++;
      } else {
        finishItem(
          tx,
          item.id,
          "failed",
          now,
          "Interrupted before Bolna confirmed the call; check the candidate before calling again.",
        );
      }
      continue;
    }
    if (isTerminalStatus(callStatus) && nextAttemptAt === null) {
      if (ATTEMPTED.has(callStatus!)) finishItem(tx, item.id, "done", now);
      else finishItem(tx, item.id, "failed", now, `Call ${callStatus}${callError ? `: ${callError}` : ""}`);
    } else if (quietFor > timeoutMs) {
      finishItem(tx, item.id, "failed", now, `No final status from Bolna within ${Math.round(timeoutMs / 60_000)} minutes.`);
    } else {
      still++;
    }
  }
  return still;
}

/** Moves queued items to in-flight while fewer than `concurrency` are, `pacingMs` apart. */
function claim(tx: Tx, batch: CallBatch, inFlight: number, now: Date): CallBatchItem[] {
  const free = batch.concurrency - inFlight;
  if (free <= 0) return [];
  if (batch.pacingMs > 0) {
    const last = tx
      .select({ at: max(callBatchItems.startedAt) })
      .from(callBatchItems)
      .where(eq(callBatchItems.batchId, batch.id))
      .get()?.at;
    if (last && now.getTime() - last.getTime() < batch.pacingMs) return [];
  }
  const next = tx
    .select()
    .from(callBatchItems)
    .where(and(eq(callBatchItems.batchId, batch.id), eq(callBatchItems.state, "queued")))
    .orderBy(asc(callBatchItems.id))
    .limit(batch.pacingMs > 0 ? 1 : free)
    .all();
  if (next.length === 0) return [];
  tx.update(callBatchItems)
    .set({ state: "in_flight", startedAt: now })
    .where(
      inArray(
        callBatchItems.id,
        next.map((item) => item.id),
      ),
    )
    .run();
  return next.map((item) => ({ ...item, state: "in_flight", startedAt: now }));
}

function finishBatchIfDone(tx: Tx, batch: CallBatch, now: Date): void {
  const open = tx
    .select({ id: callBatchItems.id })
    .from(callBatchItems)
    .where(and(eq(callBatchItems.batchId, batch.id), inArray(callBatchItems.state, ["queued", "in_flight"])))
    .limit(1)
    .get();
  if (open) return;
  tx.update(callBatches)
    .set({ status: batch.status === "running" ? "done" : batch.status, finishedAt: now })
    .where(eq(callBatches.id, batch.id))
    .run();
}

export type BatchRunner = {
  /** One pass over every active batch; returns when its placements have been started (not finished). */
  tick(): void;
  /** Placements started by this runner and not yet answered. */
  pending(): number;
};

/**
 * Works off batches from the database, so a restart resumes them: each pass settles in-flight items by watching
 * their calls, then claims queued ones, all in one IMMEDIATE transaction (so two processes never exceed a
 * batch's concurrency together), then places the claimed calls outside the transaction. When a placement ends,
 * `deps.wake` asks for the next pass at once.
 */
export function createBatchRunner(deps: RunnerDeps): BatchRunner {
  const placing = new Set<number>();
  const now = deps.now ?? (() => new Date());

  async function place(claimed: Claim): Promise<void> {
    const { db } = deps;
    try {
      const executionId = await deps.place(claimed);
      db.update(callBatchItems).set({ executionId }).where(eq(callBatchItems.id, claimed.item.id)).run();
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Something went wrong on our side.";
      if (!(error instanceof ApiError)) log().error({ err: error, batchId: claimed.batch.id }, "placing a batch call failed");
      db.transaction((tx) => finishItem(tx, claimed.item.id, "failed", now(), message), { behavior: "immediate" });
    } finally {
      placing.delete(claimed.item.id);
      deps.wake?.();
    }
  }

  return {
    tick() {
      const { db } = deps;
      // A plain read first: most passes find nothing to do and must not take the write lock.
      if (activeBatches(db).length === 0) return;
      const claims = db.transaction(
        (tx) => {
          const at = now();
          const claimed: Claim[] = [];
          for (const batch of activeBatches(tx)) {
            const inFlight = settle(tx, batch, at, placing, deps.itemTimeoutMs());
            if (batch.status === "running") {
              for (const item of claim(tx, batch, inFlight, at)) claimed.push({ batch, item });
            }
            finishBatchIfDone(tx, batch, at);
          }
          return claimed;
        },
        { behavior: "immediate" },
      );
      for (const claimed of claims) {
        placing.add(claimed.item.id);
        void place(claimed);
      }
    },
    pending: () => placing.size,
  };
}

/** Places a batch item's call the way "Call now" does, with the batch's retries: resolves to the execution id. */
async function placeBatchItem(db: Db, { batch, item }: Claim): Promise<string> {
  const label = `batch #${batch.id}`;
  const config = env();
  const placed = await placeCandidateCall(db, await bolnaClient(), item.candidateId, {
    placedBy: label,
    actorLabel: `${batch.createdBy} (${label})`,
    batchId: batch.id,
    timezone: config.INTERVIEW_TIMEZONE,
    callingHours: config.callingHours,
    // The batch's own retries (`{maxRetries: 0}` turns them off), else the configured ones.
    retryConfig: batch.retryConfig === null ? configuredRetryConfig() : batch.retryConfig.enabled ? batch.retryConfig : null,
  });
  return placed.executionId;
}

/** The server's batch runner (a job of lib/server/start-up.ts, which `wake`s it): resumes every running batch. */
export function serverBatchRunner(db: Db, wake: () => void): BatchRunner {
  return createBatchRunner({
    db,
    wake,
    itemTimeoutMs: () => env().BATCH_ITEM_TIMEOUT_MINUTES * 60_000,
    place: (claim) => placeBatchItem(db, claim),
  });
}
