import type { Db } from "@/db/client";
import { statusChanges } from "@/db/schema";

type Writer = Pick<Db, "insert">;

/** One audit entry; always written inside the transaction that made the change. */
export function recordStatusChange(tx: Writer, entry: typeof statusChanges.$inferInsert): void {
  tx.insert(statusChanges).values(entry).run();
}
