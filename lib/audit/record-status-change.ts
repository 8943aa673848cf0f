import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { statusChanges } from "@/db/schema";

type Writer = Pick<Db, "insert">;
type Entry = typeof statusChanges.$inferInsert;

/** One audit entry; always written inside the transaction that made the change. */
export function recordStatusChange(tx: Writer, entry: Entry): void {
  tx.insert(statusChanges).values(entry).run();
}

const ENTRY_COLUMNS = [
  "candidateId",
  "candidateName",
  "fromStatus",
  "toStatus",
  "fromInterviewAt",
  "toInterviewAt",
  "source",
  "actor",
  "reason",
  "executionId",
  "at",
] as const satisfies readonly (keyof Entry)[];

const statements = preparedFor((db) => db.insert(statusChanges).values(placeholders(statusChanges, ENTRY_COLUMNS)).prepare());

const EMPTY = {
  candidateId: null,
  fromStatus: null,
  toStatus: null,
  fromInterviewAt: null,
  toInterviewAt: null,
  reason: null,
  executionId: null,
};

/**
 * The same on the webhook's path, where building and preparing the INSERT cost more than running it: a statement
 * prepared once per connection (db/prepared.ts), run on `db` inside the caller's transaction.
 */
export function recordStatusChangeOn(db: Db, entry: Entry): void {
  statements(db).run({ ...EMPTY, ...entry });
}
