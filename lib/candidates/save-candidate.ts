import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";

type Version = Pick<Candidate, "interviewAt" | "status">;

/**
 * The calendar invite's SEQUENCE after a change (RFC 5545: a calendar keeps the version with the highest): one up
 * when the interview moves, one up when it is cancelled (the candidate declined) or restored.
 */
export function inviteSequenceAfter(before: Version & Pick<Candidate, "inviteSequence">, after: Version): number {
  const moved = before.interviewAt.getTime() !== after.interviewAt.getTime();
  const cancelledOrRestored = (before.status === "declined") !== (after.status === "declined");
  return before.inviteSequence + Number(moved) + Number(cancelledOrRestored);
}

/**
 * Writes a candidate's new state in the caller's transaction, with the invite's SEQUENCE the change calls for;
 * returns the row as written. Every write that may move, cancel or restore an interview goes through here (the
 * webhook's prepared statement applies inviteSequenceAfter itself).
 */
export function saveCandidate(tx: Pick<Db, "update">, before: Candidate, next: Candidate): Candidate {
  const saved = { ...next, inviteSequence: inviteSequenceAfter(before, next) };
  tx.update(candidates).set(saved).where(eq(candidates.id, before.id)).run();
  return saved;
}
