import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import { candidateMessage } from "./candidate-messages";
import { enqueueMessage, type MessageKind } from "./outbox";

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
 * Queues the candidate's message for a change, in the transaction that made it (call it after the write: the
 * invite's SEQUENCE is read back, since a trigger raises it when the interview moves).
 */
export function queueCandidateMessage(db: Pick<Db, "select" | "insert">, before: Candidate, after: Candidate, now: Date): void {
  const kind = messageKindFor(before, after);
  if (!kind || !after.email) return;
  const sequence = db
    .select({ inviteSequence: candidates.inviteSequence })
    .from(candidates)
    .where(eq(candidates.id, after.id))
    .get();
  const message = candidateMessage(db, { ...after, inviteSequence: sequence?.inviteSequence ?? after.inviteSequence }, kind);
  if (message) enqueueMessage(db, message, now);
}
