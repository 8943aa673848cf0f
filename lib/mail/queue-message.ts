import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import { queueMessage, type MessageKind } from "./outbox";

type Change = Pick<Candidate, "status" | "interviewAt">;

/**
 * Which message a change sends: after a confirmation, a move of the interview, or a decline. A reschedule that
 * did not move the interview (the chosen slot was full or unreadable: a recruiter resolves it) sends nothing yet.
 */
export function messageKindFor(before: Change, after: Change): MessageKind | null {
  const moved = before.interviewAt.getTime() !== after.interviewAt.getTime();
  if (after.status === "declined") return before.status === "declined" ? null : "declined";
  if (after.status === "rescheduled") return moved ? "rescheduled" : null;
  if (after.status === "confirmed") return before.status !== "confirmed" ? "confirmed" : moved ? "rescheduled" : null;
  return null;
}

/**
 * Queues the candidate's message for a change, in the transaction that made it: the intent only (lib/mail/outbox.ts),
 * about the interview and invite version `after` holds; the sender job renders it.
 */
export function queueCandidateMessage(tx: Pick<Db, "insert">, before: Candidate, after: Candidate, now: Date): void {
  const kind = messageKindFor(before, after);
  if (!kind || !after.email) return;
  queueMessage(tx, { candidateId: after.id, kind, interviewAt: after.interviewAt, inviteSequence: after.inviteSequence }, now);
}
