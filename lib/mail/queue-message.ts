import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import { candidateMessage } from "./candidate-messages";
import { enqueueMessage, type MessageKind } from "./outbox";

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
 * change. Call it after the write: the invite's SEQUENCE is read back, since a trigger raises it when the interview
 * moves. A message already queued for the same interview time and status is not queued again.
 */
export function queueCandidateMessage(db: Pick<Db, "select" | "insert">, after: Candidate, kind: ChangeKind, now: Date): void {
  if (!after.email) return;
  const sequence = db
    .select({ inviteSequence: candidates.inviteSequence })
    .from(candidates)
    .where(eq(candidates.id, after.id))
    .get();
  const current = { ...after, inviteSequence: sequence?.inviteSequence ?? after.inviteSequence };
  const message = candidateMessage(current, kind);
  if (message) enqueueMessage(db, { ...message, dedupeKey: messageKey(current, kind) }, now);
}
