import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { recordStatusChangeOn } from "@/lib/audit/record-status-change";
import { queueCandidateMessage } from "@/lib/mail/queue-message";
import { supersedeOpenReview } from "@/lib/review/sync-review";
import { saveCandidate, type StateColumn } from "./save-candidate";
import { transition, type CandidateEvent } from "./state-machine";
import type { StatusChangeSource } from "@/db/values";

export type TransitionContext = {
  source: StatusChangeSource;
  /** Named in the audit entry: a user's e-mail, `api-token`, `bolna`, the candidate. */
  actor: string;
  now: Date;
  executionId?: string | null;
  /** Fields that change with the event but are not the state machine's (the latest call's status, the lock). */
  with?: Partial<Pick<Candidate, StateColumn>>;
  /** The audit entry's reason when it is not the new status reason (an edit names the fields). */
  auditReason?: string | ((next: Candidate) => string);
  /** Audit even when neither the status nor the interview changed (a call placed, an edit). */
  auditAlways?: boolean;
  /** Why an open review closes, in its record; leave out where the caller keeps the review in step itself. */
  reviewNote?: string;
};

/**
 * Applies one event to a candidate inside the caller's IMMEDIATE transaction: the row, one audit entry, the open
 * review superseded, and the message's intent (lib/mail/) — all decided by `transition`; the row (and the invite's
 * SEQUENCE) written by `saveCandidate`. `event` null writes `with` only.
 */
export function applyTransition(
  db: Db,
  candidate: Candidate,
  event: CandidateEvent | null,
  context: TransitionContext,
): Candidate {
  const { now } = context;
  const decided = event
    ? transition(candidate, event)
    : { next: candidate, message: null, byPerson: false, closesReview: false, answered: false };
  const next = saveCandidate(db, candidate, {
    ...candidate,
    ...decided.next,
    ...context.with,
    statusChangedAt: decided.next.status !== candidate.status ? now : candidate.statusChangedAt,
    manualStatusAt: decided.byPerson ? now : candidate.manualStatusAt,
    updatedAt: now,
  });
  const moved = next.interviewAt.getTime() !== candidate.interviewAt.getTime();
  if (next.status !== candidate.status || moved || decided.answered || context.auditAlways) {
    recordStatusChangeOn(db, {
      candidateId: candidate.id,
      candidateName: candidate.name,
      fromStatus: candidate.status,
      toStatus: next.status,
      fromInterviewAt: moved ? candidate.interviewAt : null,
      toInterviewAt: moved ? next.interviewAt : null,
      source: context.source,
      actor: context.actor,
      reason: typeof context.auditReason === "function" ? context.auditReason(next) : (context.auditReason ?? next.statusReason),
      executionId: context.executionId ?? null,
      at: now,
    });
  }
  if (decided.closesReview && context.reviewNote) supersedeOpenReview(db, candidate.id, context.reviewNote, now);
  if (decided.message) queueCandidateMessage(db, next, decided.message, now);
  return next;
}
