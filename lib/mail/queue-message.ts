import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import { candidateMessage } from "./candidate-messages";
import { enqueueMessage, type MessageKind } from "./outbox";

/**
 * Queues the candidate's message (which one: lib/candidates/state-machine.ts) in the transaction that made the
 * change. Call it after the write: the invite's SEQUENCE is read back, since a trigger raises it when the
 * interview moves.
 */
export function queueCandidateMessage(db: Pick<Db, "select" | "insert">, after: Candidate, kind: MessageKind, now: Date): void {
  if (!after.email) return;
  const sequence = db
    .select({ inviteSequence: candidates.inviteSequence })
    .from(candidates)
    .where(eq(candidates.id, after.id))
    .get();
  const message = candidateMessage({ ...after, inviteSequence: sequence?.inviteSequence ?? after.inviteSequence }, kind);
  if (message) enqueueMessage(db, message, now);
}
