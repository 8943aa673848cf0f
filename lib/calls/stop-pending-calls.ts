import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { stopScheduledCall } from "./stop-call";

// Bolna will still ring these: a call waiting for its scheduled time or calling hours, or for a retry.
const NOT_RUNG_YET = ["scheduled", "queued", "rescheduled"];

const pending = or(isNotNull(calls.nextAttemptAt), inArray(calls.status, NOT_RUNG_YET));

type StoppedCalls = { stopped: string[]; failed: { executionId: string; message: string }[] };

/** Asks Bolna to stop one call after another (POST /call/{id}/stop), each applied as "Check with Bolna" does. */
async function stopEach(db: Db, executionIds: string[]): Promise<StoppedCalls> {
  const result: StoppedCalls = { stopped: [], failed: [] };
  for (const executionId of executionIds) {
    try {
      await stopScheduledCall(db, executionId);
      result.stopped.push(executionId);
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Something went wrong on our side.";
      result.failed.push({ executionId, message });
      if (!(error instanceof ApiError)) log().error({ err: error, executionId }, "stopping a pending call failed");
    }
  }
  return result;
}

/** Every call Bolna may still place to this candidate (a scheduled call, a pending retry), stopped at Bolna. */
export function stopPendingCalls(db: Db, candidateId: number): Promise<StoppedCalls> {
  const ids = db
    .select({ executionId: calls.executionId })
    .from(calls)
    .where(and(eq(calls.candidateId, candidateId), pending))
    .all()
    .map((row) => row.executionId);
  return stopEach(db, ids);
}

/**
 * The calls Bolna may still place to candidates marked do-not-call, `limit` at most. The job runs once a minute on
 * the event loop: SQLite starts from those candidates (candidates_do_not_call_idx, few at any size) and reads
 * their calls; it read every call before, 6 s at a million candidates.
 */
export function doNotCallPendingCalls(db: Db, limit: number) {
  return db
    .select({ executionId: calls.executionId })
    .from(calls)
    .innerJoin(candidates, eq(candidates.id, calls.candidateId))
    .where(and(eq(candidates.doNotCall, true), pending))
    .limit(limit);
}

/**
 * The background half of do-not-call: a candidate marked by a call's outcome (inside the webhook's transaction,
 * where Bolna cannot be asked anything), or whose stop failed, still has calls Bolna would place. Stops them.
 */
export function stopCallsOfDoNotCallCandidates(db: Db, limit = 20): Promise<StoppedCalls> {
  return stopEach(
    db,
    doNotCallPendingCalls(db, limit)
      .all()
      .map((row) => row.executionId),
  );
}
