import { and, desc, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rejectedSenders } from "@/db/schema";
import { logError } from "@/lib/log";

/** Addresses that cannot even be parsed share one row, so junk headers cannot grow the table without bound. */
export const UNPARSABLE_SENDER = "(unparsable)";
/** Where a flood from more new addresses than MAX_PENDING within one second is counted. */
export const OVERFLOW_SENDER = "(too many addresses)";

/**
 * Distinct addresses counted between two writes, and kept in the table (the most recently seen): a sender with
 * many addresses (an IPv6 block holds billions) can neither grow memory nor the table without bound.
 */
export const REJECTED_SENDER_LIMITS = { pending: 1_000, rows: 1_000 } as const;

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
    let key = ip ?? UNPARSABLE_SENDER;
    if (!this.pending.has(key) && this.pending.size >= REJECTED_SENDER_LIMITS.pending) key = OVERFLOW_SENDER;
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
        const kept = tx
          .select({ ip: rejectedSenders.ip })
          .from(rejectedSenders)
          .orderBy(desc(rejectedSenders.lastSeenAt), desc(rejectedSenders.ip))
          .limit(REJECTED_SENDER_LIMITS.rows);
        // The two shared rows stay whatever their age: they stand for everything that was not kept apart.
        tx.delete(rejectedSenders)
          .where(and(notInArray(rejectedSenders.ip, kept), notInArray(rejectedSenders.ip, [UNPARSABLE_SENDER, OVERFLOW_SENDER])))
          .run();
      });
    } catch (error) {
      logError("could not record rejected webhook senders", error);
    }
  }
}
