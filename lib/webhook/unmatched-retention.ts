import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Unmatched deliveries come only from allowlisted senders, but nothing else bounds how many arrive: each keeps
 * its body (up to 1 MiB) for an admin to link. So they are kept for 30 days, and their bodies together within
 * 64 MiB (the oldest go first). A linked delivery lives on as the applied event it became. (A repeat of an
 * unmatched delivery is stored as another unmatched one, never as its duplicate: nothing else points at them.)
 */
const UNMATCHED_LIMITS = { retentionDays: 30, maxBodyBytes: 64 * 1024 * 1024 } as const;

/** Removes unmatched deliveries past UNMATCHED_LIMITS; returns how many rows went. The background work calls it. */
export function capUnmatchedDeliveries(db: Db, now = new Date(), limits = UNMATCHED_LIMITS): number {
  const cutoff = now.getTime() - limits.retentionDays * 24 * 60 * 60 * 1000;
  return db.transaction(
    (tx) => {
      // Deliveries no candidate claimed, newest first with the running size of their bodies (octet_length reads
      // the stored size, not the body).
      return tx.run(sql`
        delete from webhook_events where id in (
          select id from (
            select id, received_at,
              sum(coalesce(octet_length(raw_body), 0)) over (order by id desc) as running
            from webhook_events
            where result = 'unmatched' and call_id is null
          )
          where received_at < ${cutoff} or running > ${limits.maxBodyBytes}
        )`).changes;
    },
    { behavior: "immediate" },
  );
}
