import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rejectedSenders } from "@/db/schema";

/** Addresses that cannot even be parsed share one row, so junk headers cannot grow the table without bound. */
export const UNPARSABLE_SENDER = "(unparsable)";

/** Counts a refused delivery per sender so an admin notices when Bolna starts sending from a new address. */
export function recordRejectedSender(db: Db, ip: string | null, reason: string, at: Date): void {
  const key = ip ?? UNPARSABLE_SENDER;
  db.insert(rejectedSenders)
    .values({ ip: key, count: 1, lastReason: reason, firstSeenAt: at, lastSeenAt: at })
    .onConflictDoUpdate({
      target: rejectedSenders.ip,
      set: { count: sql`${rejectedSenders.count} + 1`, lastReason: reason, lastSeenAt: at },
    })
    .run();
}
