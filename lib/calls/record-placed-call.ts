import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import type { RetryConfig, CallPurpose } from "@/db/values";
import { applyTransition } from "@/lib/candidates/apply-transition";

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
  /** The interview time the agent was told about (lib/calls/build-user-data.ts). */
  askedAbout: Date;
};

/**
 * Stores the execution → candidate mapping after Bolna accepted the call. A webhook may have been faster than
 * Bolna's answer: then the pipeline already created the call (matched by phone) and moved the candidate, and
 * this only adds who placed it, why, and with which retries. Otherwise the candidate becomes `calling` (a
 * reminder call leaves the status alone), audited as source "call".
 */
export function recordPlacedCall(db: Db, input: PlacedFacts): Candidate | null {
  const { candidateId, executionId, now } = input;
  const what = input.purpose === "reconfirmation" ? "Reminder call" : "Call";
  const when = input.scheduled ? `; it rings later (${input.hoursNote}): ${input.scheduled.reason}` : "";
  const placedReason = `${what} placed by ${input.actorLabel}${when}`;
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
            interviewAt: input.askedAbout,
          })
          .where(eq(calls.id, existing.id))
          .run();
      }
      // Deleted while Bolna was answering: the call goes ahead, but there is nobody to record it on.
      if (!candidate) return null;
      const lock = candidate.callRequestedAt?.getTime() === input.takenAt.getTime() ? { callRequestedAt: null } : {};
      const audit = {
        source: "call",
        actor: input.actorLabel,
        now,
        executionId,
        auditReason: placedReason,
        auditAlways: true,
      } as const;
      if (existing) return applyTransition(db, candidate, null, { ...audit, with: lock });
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
          interviewAt: input.askedAbout,
          localHour: input.localHour,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      // A reminder call leaves the candidate's answer standing: it only shows the call.
      const placed =
        input.purpose === "reconfirmation"
          ? null
          : {
              kind: "call_placed" as const,
              reason: input.scheduled?.reason ?? `Call placed by ${input.actorLabel}`,
              scheduled: input.scheduled !== null,
            };
      return applyTransition(db, candidate, placed, {
        ...audit,
        reviewNote: "A newer call was placed",
        with: {
          ...lock,
          latestCallId: call.id,
          callStatus: input.ackStatus,
          latestCallUnclear: false,
          lastCallAt: now,
          nextAttemptAt: input.scheduled?.at ?? null,
          nextAttemptNumber: input.scheduled ? 1 : null,
        },
      });
    },
    { behavior: "immediate" },
  );
}
