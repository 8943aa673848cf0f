import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { queueMessage, type MessageKind } from "./outbox";

type Change = Pick<Candidate, "status" | "interviewAt">;
/** The messages a change of status or interview sends (a self-service link is sent on its own). */
type ChangeKind = Exclude<MessageKind, "self_service_link">;

/**
 * Which message a change sends: after a confirmation, a move of the interview, or a decline. A reschedule that
 * did not move the interview (the chosen slot was full or unreadable: a recruiter resolves it) sends nothing yet.
 */
export function messageKindFor(before: Change, after: Change): ChangeKind | null {
  const moved = before.interviewAt.getTime() !== after.interviewAt.getTime();
  if (after.status === "declined") return before.status === "declined" ? null : "declined";
  if (after.status === "rescheduled") return moved ? "rescheduled" : null;
  if (after.status === "confirmed") return before.status !== "confirmed" ? "confirmed" : moved ? "rescheduled" : null;
  return null;
}

/**
 * What makes two messages the same message: the candidate, its kind, the interview time and status it announces,
 * and the invite's SEQUENCE (raised by every move, cancellation and restore). A candidate called again who
 * confirms the same interview again is not told twice; one who declined and then confirmed is.
 */
function messageKey(candidate: Pick<Candidate, "id" | "interviewAt" | "status" | "inviteSequence">, kind: ChangeKind): string {
  return `${candidate.id}:${kind}:${candidate.interviewAt.toISOString()}:${candidate.status}:${candidate.inviteSequence}`;
}

/**
 * Queues the candidate's message for a change, in the transaction that made it: the intent only (lib/mail/outbox.ts),
 * about the interview and invite version `after` holds (the write that moves the interview raises its SEQUENCE);
 * the sender job renders it in the candidate's language. The caller decides whether a change may be told at all
 * (lib/review/hold-for-review.ts: nothing on an outcome that waits for a person); a message already queued for the
 * same interview time, status and invite version is not queued again.
 */
export function queueCandidateMessage(tx: Pick<Db, "insert">, before: Candidate, after: Candidate, now: Date): void {
  const kind = messageKindFor(before, after);
  if (!kind || !after.email) return;
  queueMessage(
    tx,
    {
      candidateId: after.id,
      kind,
      interviewAt: after.interviewAt,
      inviteSequence: after.inviteSequence,
      dedupeKey: messageKey(after, kind),
    },
    now,
  );
}
