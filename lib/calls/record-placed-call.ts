import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import type { RetryConfig, CallPurpose } from "@/db/values";

/** What is known once Bolna accepted a call (lib/calls/place-call.ts), to record it. */
export type PlacedFacts = {
  candidateId: number;
  executionId: string;
  ackStatus: string;
  takenAt: Date;
  now: Date;
  /** When the call rings, if not now (outside calling hours), with the words that explain it. */
  scheduled: { at: Date; reason: string } | null;
  purpose: CallPurpose;
  retryConfig: RetryConfig | null;
  /** The calling hours, in words, for the audit entry of a scheduled call. */
  hoursNote: string;
  /** Stored on the call: a user's email, `api-token`, `batch #n`. */
  placedBy: string;
  /** Named in the audit entry. */
  actorLabel: string;
  batchId?: number | null;
  /** The hour in the candidate's zone when the call rings (analytics: answer rate by hour). */
  localHour: number;
};

/**
 * The candidate once the call is placed. A confirmation call makes them `calling`; a reminder call leaves their
 * answer standing (lib/calls/reconfirmation-outcome.ts) and only shows the call.
 */
function placedCandidate(candidate: Candidate, callId: number, input: PlacedFacts): Candidate {
  const base: Candidate = {
    ...candidate,
    latestCallId: callId,
    callStatus: input.ackStatus,
    lastCallAt: input.now,
    nextAttemptAt: input.scheduled?.at ?? null,
    nextAttemptNumber: input.scheduled ? 1 : null,
    updatedAt: input.now,
  };
  if (input.purpose === "reconfirmation") return base;
  return {
    ...base,
    status: "calling",
    statusReason: input.scheduled?.reason ?? `Call placed by ${input.actorLabel}`,
    statusChangedAt: candidate.status === "calling" ? candidate.statusChangedAt : input.now,
  };
}

/**
 * Stores the execution → candidate mapping after Bolna accepted the call. A webhook may have been faster than
 * Bolna's answer: then the pipeline already created the call (matched by phone) and moved the candidate, and
 * this only adds who placed it, why, and with which retries. Otherwise the candidate becomes `calling` (a
 * reminder call leaves the status alone), audited as source "call".
 */
export function recordPlacedCall(db: Db, input: PlacedFacts): Candidate | null {
  const { candidateId, executionId, now } = input;
  const what = input.purpose === "reconfirmation" ? "Reminder call" : "Call";
  const placedReason = `${what} placed by ${input.actorLabel}${input.scheduled ? `; ${input.scheduled.reason}: ${input.hoursNote}` : ""}`;
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
      const existing = tx.select().from(calls).where(eq(calls.executionId, executionId)).get();
      if (existing) {
        tx.update(calls)
          .set({
            placedBy: existing.placedBy ?? input.placedBy,
            batchId: existing.batchId ?? input.batchId ?? null,
            purpose: input.purpose,
            retryConfig: input.retryConfig ?? existing.retryConfig,
          })
          .where(eq(calls.id, existing.id))
          .run();
      }
      // Deleted while Bolna was answering: the call goes ahead, but there is nobody to record it on.
      if (!candidate) return null;
      const lock = candidate.callRequestedAt?.getTime() === input.takenAt.getTime() ? { callRequestedAt: null } : {};
      if (existing) {
        tx.update(candidates).set(lock).where(eq(candidates.id, candidateId)).run();
        recordStatusChange(tx, {
          candidateId,
          candidateName: candidate.name,
          fromStatus: candidate.status,
          toStatus: candidate.status,
          source: "call",
          actor: input.actorLabel,
          reason: placedReason,
          executionId,
          at: now,
        });
        return { ...candidate, ...lock };
      }
      const call = tx
        .insert(calls)
        .values({
          executionId,
          candidateId,
          // No stateKey: the first webhook of the call, whatever its status, takes over.
          status: input.ackStatus,
          placedBy: input.placedBy,
          batchId: input.batchId ?? null,
          purpose: input.purpose,
          retryConfig: input.retryConfig,
          scheduledAt: input.scheduled?.at ?? null,
          nextAttemptAt: input.scheduled?.at ?? null,
          localHour: input.localHour,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      const next: Candidate = { ...placedCandidate(candidate, call.id, input), ...lock };
      tx.update(candidates).set(next).where(eq(candidates.id, candidateId)).run();
      recordStatusChange(tx, {
        candidateId,
        candidateName: candidate.name,
        fromStatus: candidate.status,
        toStatus: next.status,
        source: "call",
        actor: input.actorLabel,
        reason: placedReason,
        executionId,
        at: now,
      });
      return next;
    },
    { behavior: "immediate" },
  );
}
