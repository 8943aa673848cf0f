import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rejectedSenders } from "@/db/schema";
import { logError } from "@/lib/log";

/** Addresses that cannot even be parsed share one row, so junk headers cannot grow the table without bound. */
export const UNPARSABLE_SENDER = "(unparsable)";

type Tally = { count: number; lastReason: string; firstSeenAt: Date; lastSeenAt: Date };

const FLUSH_MS = 1_000;

/**
 * Counts refused deliveries per sender in memory and writes the totals once a second: a flood from a refused
 * address must cost no database write per request, or it would slow Bolna's own deliveries down.
 */
export class RejectedSenderLog {
  private pending = new Map<string, Tally>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: () => Db) {}

  record(ip: string | null, reason: string, at: Date): void {
    const key = ip ?? UNPARSABLE_SENDER;
    const tally = this.pending.get(key);
    if (tally) {
      tally.count += 1;
      tally.lastReason = reason;
      tally.lastSeenAt = at;
    } else {
      this.pending.set(key, { count: 1, lastReason: reason, firstSeenAt: at, lastSeenAt: at });
    }
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    if (batch.size === 0) return;
    try {
      this.db().transaction((tx) => {
        for (const [ip, tally] of batch) {
          tx.insert(rejectedSenders)
            .values({ ip, ...tally })
            .onConflictDoUpdate({
              target: rejectedSenders.ip,
              set: {
                count: sql`${rejectedSenders.count} + ${tally.count}`,
                lastReason: tally.lastReason,
                lastSeenAt: tally.lastSeenAt,
              },
            })
            .run();
        }
      });
    } catch (error) {
      logError("could not record rejected webhook senders", error);
    }
  }
}
