import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { queueMessage, type MessageKind } from "./outbox";

/** The messages a change of status or interview sends (a self-service link is sent on its own). */
export type ChangeKind = Exclude<MessageKind, "self_service_link">;

/**
 * What makes two messages the same message: the candidate, its kind, the interview time and status it announces,
 * and the invite's SEQUENCE (raised by every move, cancellation and restore). A candidate called again who
 * confirms the same interview again is not told twice; one who declined and then confirmed is.
 */
function messageKey(candidate: Pick<Candidate, "id" | "interviewAt" | "status" | "inviteSequence">, kind: ChangeKind): string {
  return `${candidate.id}:${kind}:${candidate.interviewAt.toISOString()}:${candidate.status}:${candidate.inviteSequence}`;
}

/**
 * Queues the candidate's message (which one: lib/candidates/state-machine.ts) in the transaction that made the
 * change: the intent only (lib/mail/outbox.ts), about the interview and invite version `after` holds as written
 * (lib/candidates/save-candidate.ts raises its SEQUENCE in the same write); the sender job renders it in the
 * candidate's language. A message already queued for the same interview time, status and invite version is not
 * queued again.
 */
export function queueCandidateMessage(db: Db, after: Candidate, kind: ChangeKind, now: Date): void {
  if (!after.email) return;
  queueMessage(
    db,
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
