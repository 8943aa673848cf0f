import { getDb } from "@/db/client";
import { GroupCommit } from "@/db/group-commit";
import { applyDelivery, type Applied, type Delivery } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { apiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";

export type Committed = { ok: true; applied: Applied } | { ok: false; answer: Response };

// One per module instance, made on first use (next build imports this module without a database).
let commits: GroupCommit | undefined;

/**
 * Deliveries that arrive together share one transaction and one sync of the WAL. At FULL (or EXTRA) the WAL is
 * synced off the event loop before anyone is answered (db/group-commit.ts), which is what FULL promises.
 */
function groupCommit(): GroupCommit {
  const config = env();
  const syncsItself = config.SQLITE_SYNCHRONOUS === "FULL" || config.SQLITE_SYNCHRONOUS === "EXTRA";
  commits ??= new GroupCommit(getDb, syncsItself ? { walFile: `${config.DATABASE_PATH}-wal` } : {});
  return commits;
}

/**
 * Stores the delivery and applies it to its call and candidate (lib/calls/apply-execution.ts); resolves once it
 * is on disk. A failed write answers 503, so that Bolna retries.
 */
export async function commitDelivery(delivery: Delivery): Promise<Committed> {
  const config = env();
  try {
    const applied = await groupCommit().run((db) =>
      applyDelivery(db, delivery, { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY }),
    );
    return { ok: true, applied };
  } catch (failure) {
    logError("webhook delivery could not be stored", failure);
    return { ok: false, answer: apiError("storage_unavailable", "The delivery could not be stored; retry later.") };
  }
}
