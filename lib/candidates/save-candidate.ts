import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { candidates, type Candidate } from "@/db/schema";

type Version = Pick<Candidate, "interviewAt" | "status">;

/**
 * The columns a transition (and the call fields that come with a webhook) may change, and the invite's SEQUENCE
 * that follows them. Not the details a recruiter edits: their search-index trigger would fire on every webhook.
 */
const STATE_COLUMNS = [
  "latestCallId",
  "callStatus",
  "latestCallUnclear",
  "lastCallAt",
  "callRequestedAt",
  "nextAttemptAt",
  "nextAttemptNumber",
  "updatedAt",
  "status",
  "statusReason",
  "statusEvent",
  "statusChangedAt",
  "manualStatusAt",
  "originalInterviewAt",
  "interviewAt",
  "requestedInterviewAt",
  "lastCallbackAt",
  "inviteSequence",
] as const satisfies readonly (keyof Candidate)[];

export type StateColumn = Exclude<(typeof STATE_COLUMNS)[number], "inviteSequence">;

const statements = preparedFor((db) =>
  db
    .update(candidates)
    .set(placeholders(candidates, STATE_COLUMNS))
    .where(eq(candidates.id, sql.placeholder("id")))
    .prepare(),
);

/**
 * The calendar invite's SEQUENCE after a change (RFC 5545: a calendar keeps the version with the highest): one up
 * when the interview moves, one up when it is cancelled (the candidate declined) or restored.
 */
function inviteSequenceAfter(before: Version & Pick<Candidate, "inviteSequence">, after: Version): number {
  const moved = before.interviewAt.getTime() !== after.interviewAt.getTime();
  const cancelledOrRestored = (before.status === "declined") !== (after.status === "declined");
  return before.inviteSequence + Number(moved) + Number(cancelledOrRestored);
}

/**
 * Writes a candidate's new state in the caller's transaction, with the invite's SEQUENCE the change calls for, in
 * the same UPDATE; returns the row as written. Every write that may move, cancel or restore an interview goes
 * through here (lib/candidates/apply-transition.ts is its one caller: the state machine decides, this writes).
 */
export function saveCandidate(db: Db, before: Candidate, next: Candidate): Candidate {
  const saved = { ...next, inviteSequence: inviteSequenceAfter(before, next) };
  statements(db).run(saved);
  return saved;
}
