import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { calls, candidates, reviewItems, type Candidate, type ReviewItem } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { applyTransition } from "@/lib/candidates/apply-transition";
import type { CandidateStatus } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { ApiError, notFound } from "@/lib/http/api-error";
import { assertNotOverbooked } from "@/lib/slots/slot-capacity";
import type { CorrectionInput } from "./review-input";

type Decision = {
  state: "accepted" | "corrected";
  status: CandidateStatus;
  /** The candidate's status reason and the audit entry's. */
  reason: string;
  interviewAt: Date | null;
  resolutionReason: string | null;
};

export type Resolved = { item: ReviewItem; candidate: Candidate };

function openItem(tx: Tx, id: number): { item: ReviewItem; candidate: Candidate } {
  const item = tx.select().from(reviewItems).where(eq(reviewItems.id, id)).get();
  if (!item) throw notFound(`Review item ${id}`);
  if (item.state !== "open") {
    throw new ApiError(
      "review_closed",
      item.state === "superseded"
        ? `This review was closed without a decision: ${item.resolutionReason ?? "later data decided"}.`
        : `This review was already ${item.state} by ${item.resolvedBy ?? "someone"}.`,
    );
  }
  // The foreign key keeps the candidate: deleting one deletes its review items.
  const candidate = tx.select().from(candidates).where(eq(candidates.id, item.candidateId)).get()!;
  if (candidate.latestCallId !== item.callId) {
    throw new ApiError(
      "review_superseded",
      `${candidate.name} has had a newer call since: that call decides, not this proposal.`,
    );
  }
  return { item, candidate };
}

/**
 * Applies a reviewer's decision through the state machine as a person's change: audited with source `review`,
 * `manualStatusAt` set so that no later delivery about the call overwrites it, and the candidate's message sent
 * now (nothing was sent while the outcome waited). A reschedule moves the interview (keeping the original) and,
 * like any change a person makes, is refused (409 slot_full) when the slot has no room left.
 */
function resolve(db: Db, id: number, actor: Actor, decide: (item: ReviewItem, candidate: Candidate) => Decision, now: Date) {
  return db.transaction(
    (tx): Resolved => {
      const { item, candidate } = openItem(tx, id);
      const decision = decide(item, candidate);
      const call = tx.select({ executionId: calls.executionId }).from(calls).where(eq(calls.id, item.callId)).get();
      const next = applyTransition(
        db,
        candidate,
        { kind: "reviewed", status: decision.status, reason: decision.reason, interviewAt: decision.interviewAt },
        { source: "review", actor: actor.label, now, executionId: call?.executionId ?? null, auditAlways: true },
      );
      const moved = next.interviewAt.getTime() !== candidate.interviewAt.getTime();
      const resolved = tx
        .update(reviewItems)
        .set({
          state: decision.state,
          resolvedAt: now,
          resolvedBy: actor.label,
          resolvedStatus: next.status,
          resolutionReason: decision.resolutionReason,
          updatedAt: now,
        })
        .where(eq(reviewItems.id, item.id))
        .returning()
        .get()!;
      // The candidate now holds a slot it did not hold before: refused (and all of this undone) when it is full.
      if (next.status !== "declined" && (moved || candidate.status === "declined")) assertNotOverbooked(tx, [next.interviewAt]);
      return { item: resolved, candidate: next };
    },
    { behavior: "immediate" },
  );
}

/** The reviewer agrees: the proposed outcome is applied as the call would have applied it. */
export function acceptReview(db: Db, id: number, actor: Actor, now = new Date()): Resolved {
  return resolve(
    db,
    id,
    actor,
    (item) => ({
      state: "accepted",
      status: item.proposedStatus,
      reason: `Accepted on review: ${item.proposedReason}`,
      interviewAt: item.proposedStatus === "rescheduled" ? item.proposedInterviewAt : null,
      resolutionReason: null,
    }),
    now,
  );
}

/** The reviewer disagrees: the status they chose, with their reason, in the audit trail. */
export function correctReview(db: Db, id: number, input: CorrectionInput, actor: Actor, now = new Date()): Resolved {
  if (input.interviewAt && input.interviewAt <= now) {
    throw new ApiError("validation_failed", "interviewAt: must be in the future", "interviewAt");
  }
  return resolve(
    db,
    id,
    actor,
    (item) => ({
      state: "corrected",
      status: input.status,
      reason: `Corrected on review (proposed ${CANDIDATE_STATUS_LABELS[item.proposedStatus]}): ${input.reason}`,
      interviewAt: input.interviewAt,
      resolutionReason: input.reason,
    }),
    now,
  );
}
