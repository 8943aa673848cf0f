import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { BATCH_ITEM_STATES, callBatchItems, callBatches, calls, candidates, type CallBatch } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { RetryConfig } from "@/db/values";
import { retrySettingsInput, toRetryConfig } from "@/lib/bolna/retry-config";
import { doNotCallRefusal } from "@/lib/candidates/do-not-call";
import { ApiError, notFound } from "@/lib/http/api-error";

const MAX_BATCH_SIZE = 5000;
const DEFAULT_CONCURRENCY = 3;
const DEFAULT_PACING_MS = 1000;

export const createBatchInput = z
  .object({
    candidateIds: z.array(z.number().int().positive()).max(MAX_BATCH_SIZE).default([]),
    allPending: z.boolean().default(false),
    concurrency: z.number().int().min(1).max(20).default(DEFAULT_CONCURRENCY),
    pacingMs: z
      .number()
      .int()
      .min(0)
      .max(10 * 60_000)
      .default(DEFAULT_PACING_MS),
    /** Bolna's retries for this batch's calls, instead of the configured ones (CALL_RETRIES); maxRetries 0: none. */
    retry: retrySettingsInput.optional(),
  })
  .refine((input) => input.allPending || input.candidateIds.length > 0, {
    message: "choose candidates, or allPending",
    path: ["candidateIds"],
  });
export type CreateBatchInput = z.infer<typeof createBatchInput>;

type ItemState = (typeof BATCH_ITEM_STATES)[number];
export type BatchCounts = { total: number; queued: number; inFlight: number; done: number; failed: number; cancelled: number };

type BatchItemView = {
  id: number;
  candidateId: number;
  candidateName: string;
  state: ItemState;
  executionId: string | null;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  callStatus: string | null;
  outcome: string | null;
};

export type BatchView = CallBatch & { counts: BatchCounts; outcomes: Record<string, number>; items: BatchItemView[] };

const NO_RETRIES: RetryConfig = {
  enabled: false,
  max_retries: 0,
  retry_on_statuses: [],
  retry_on_voicemail: false,
  retry_intervals_minutes: [],
};

/** Creates a batch of calls (state in call_batches / call_batch_items); the runner (./runner.ts) works it off. */
export function createBatch(db: Db, input: CreateBatchInput, actor: Actor): CallBatch {
  return db.transaction(
    (tx) => {
      const ids: number[] = [];
      if (input.allPending) {
        // An interview that has passed is not called about without a person asking (place-call: interview_passed).
        const pending = tx
          .select({ id: candidates.id })
          .from(candidates)
          .where(and(eq(candidates.status, "pending"), gt(candidates.interviewAt, new Date()), eq(candidates.doNotCall, false)))
          .orderBy(asc(candidates.interviewAt), asc(candidates.id))
          .all();
        ids.push(...pending.map((row) => row.id));
      }
      const chosen = [...new Set(input.candidateIds)];
      if (chosen.length > 0) {
        const rows = tx
          .select({
            id: candidates.id,
            name: candidates.name,
            doNotCall: candidates.doNotCall,
            doNotCallReason: candidates.doNotCallReason,
          })
          .from(candidates)
          .where(inArray(candidates.id, chosen))
          .all();
        const found = new Set(rows.map((row) => row.id));
        const missing = chosen.filter((id) => !found.has(id));
        if (missing.length > 0) {
          throw new ApiError("validation_failed", `candidateIds: unknown candidate ${missing.join(", ")}`, "candidateIds");
        }
        // A batch never calls someone who asked not to be called: the client takes them out and asks again.
        const refused = rows.find((row) => row.doNotCall);
        if (refused) throw doNotCallRefusal(refused);
        ids.push(...chosen);
      }
      const unique = [...new Set(ids)];
      if (unique.length === 0) {
        throw new ApiError(
          "validation_failed",
          "allPending: no candidate is pending",
          input.allPending ? "allPending" : "candidateIds",
        );
      }
      if (unique.length > MAX_BATCH_SIZE) {
        throw new ApiError("validation_failed", `A batch holds at most ${MAX_BATCH_SIZE} candidates.`, "candidateIds");
      }
      const now = new Date();
      const batch = tx
        .insert(callBatches)
        .values({
          status: "running",
          concurrency: input.concurrency,
          pacingMs: input.pacingMs,
          retryConfig: input.retry ? (toRetryConfig(input.retry) ?? NO_RETRIES) : null,
          createdBy: actor.label,
          createdAt: now,
        })
        .returning()
        .get();
      for (let start = 0; start < unique.length; start += 500) {
        tx.insert(callBatchItems)
          .values(unique.slice(start, start + 500).map((candidateId) => ({ batchId: batch.id, candidateId })))
          .run();
      }
      return batch;
    },
    { behavior: "immediate" },
  );
}

function countItems(states: ItemState[]): BatchCounts {
  const counts: BatchCounts = { total: states.length, queued: 0, inFlight: 0, done: 0, failed: 0, cancelled: 0 };
  for (const state of states) {
    if (state === "in_flight") counts.inFlight++;
    else counts[state]++;
  }
  return counts;
}

export function getBatch(db: Pick<Db, "select">, id: number): BatchView {
  const batch = db.select().from(callBatches).where(eq(callBatches.id, id)).get();
  if (!batch) throw notFound(`Batch ${id}`);
  const items = db
    .select({
      id: callBatchItems.id,
      candidateId: callBatchItems.candidateId,
      candidateName: candidates.name,
      state: callBatchItems.state,
      executionId: callBatchItems.executionId,
      error: callBatchItems.error,
      startedAt: callBatchItems.startedAt,
      finishedAt: callBatchItems.finishedAt,
      callStatus: calls.status,
      outcome: calls.outcome,
    })
    .from(callBatchItems)
    .innerJoin(candidates, eq(candidates.id, callBatchItems.candidateId))
    .leftJoin(calls, eq(calls.executionId, callBatchItems.executionId))
    .where(eq(callBatchItems.batchId, id))
    .orderBy(asc(callBatchItems.id))
    .all();
  const outcomes: Record<string, number> = {};
  for (const item of items) {
    if (item.state === "done") outcomes[item.outcome ?? "unknown"] = (outcomes[item.outcome ?? "unknown"] ?? 0) + 1;
  }
  return { ...batch, counts: countItems(items.map((item) => item.state)), outcomes, items };
}

export type BatchSummary = CallBatch & { counts: BatchCounts };

/** Pending candidates, soonest interview first: the ones a new batch offers to call. */
export function pendingCandidatesForBatch(db: Pick<Db, "select">, limit: number) {
  return db
    .select({
      id: candidates.id,
      name: candidates.name,
      phone: candidates.phone,
      timeZone: candidates.timeZone,
      interviewAt: candidates.interviewAt,
    })
    .from(candidates)
    .where(and(eq(candidates.status, "pending"), eq(candidates.doNotCall, false)))
    .orderBy(asc(candidates.interviewAt), asc(candidates.id))
    .limit(limit)
    .all();
}

export function listBatches(db: Pick<Db, "select">, limit = 50): BatchSummary[] {
  const batches = db.select().from(callBatches).orderBy(desc(callBatches.id)).limit(limit).all();
  if (batches.length === 0) return [];
  const states = db
    .select({ batchId: callBatchItems.batchId, state: callBatchItems.state })
    .from(callBatchItems)
    .where(
      inArray(
        callBatchItems.batchId,
        batches.map((batch) => batch.id),
      ),
    )
    .all();
  return batches.map((batch) => ({
    ...batch,
    counts: countItems(states.filter((row) => row.batchId === batch.id).map((row) => row.state)),
  }));
}

/** Stops a running batch: queued items are cancelled; calls already placed run to their end and are still watched. */
export function cancelBatch(db: Db, id: number): CallBatch {
  return db.transaction(
    (tx) => {
      const batch = tx.select().from(callBatches).where(eq(callBatches.id, id)).get();
      if (!batch) throw notFound(`Batch ${id}`);
      if (batch.status !== "running") throw new ApiError("batch_not_running", `Batch ${id} is already ${batch.status}.`);
      const now = new Date();
      tx.update(callBatchItems)
        .set({ state: "cancelled", finishedAt: now })
        .where(and(eq(callBatchItems.batchId, id), eq(callBatchItems.state, "queued")))
        .run();
      const inFlight = tx
        .select({ id: callBatchItems.id })
        .from(callBatchItems)
        .where(and(eq(callBatchItems.batchId, id), eq(callBatchItems.state, "in_flight")))
        .limit(1)
        .get();
      return (
        tx
          .update(callBatches)
          .set({ status: "cancelled", finishedAt: inFlight ? null : now })
          .where(and(eq(callBatches.id, id), isNull(callBatches.finishedAt)))
          .returning()
          .get() ?? batch
      );
    },
    { behavior: "immediate" },
  );
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function batchJson(batch: BatchSummary | BatchView) {
  const json = {
    id: batch.id,
    status: batch.status,
    concurrency: batch.concurrency,
    pacingMs: batch.pacingMs,
    createdBy: batch.createdBy,
    createdAt: iso(batch.createdAt),
    finishedAt: iso(batch.finishedAt),
    counts: batch.counts,
  };
  if (!("items" in batch)) return json;
  return {
    ...json,
    outcomes: batch.outcomes,
    items: batch.items.map((item) => ({ ...item, startedAt: iso(item.startedAt), finishedAt: iso(item.finishedAt) })),
  };
}
