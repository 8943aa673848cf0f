import { parentPort } from "node:worker_threads";
import { getDb } from "@/db/client";
import { GroupCommit } from "@/db/group-commit";
import { applyDelivery } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { parseDelivery, type Parsed } from "./parse-delivery";
import type { RawDelivery } from "./read-delivery";

export type WriteRequest = { id: number; delivery: RawDelivery };
export type WriteAnswer = { id: number } & (
  { ok: true; applied: ReturnType<typeof applyDelivery> } | { ok: false; refused?: Extract<Parsed, { ok: false }>["error"] }
);

/**
 * The webhook's writer: a thread of its own with its own connection, so that no delivery's parsing, transaction
 * or wait for the disk runs on the event loop that answers requests (lib/webhook/commit-delivery.ts starts it; only
 * the body's text crosses over). Deliveries that arrive together share one transaction and one sync of the WAL; at
 * FULL (or EXTRA) the WAL is synced after COMMIT, before any of them is answered (db/group-commit.ts), which is
 * what FULL promises.
 */
const config = env();
const syncsItself = config.SQLITE_SYNCHRONOUS === "FULL" || config.SQLITE_SYNCHRONOUS === "EXTRA";
const commits = new GroupCommit(getDb, syncsItself ? { walFile: `${config.DATABASE_PATH}-wal` } : {});
const apply = { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY };

parentPort!.on("message", ({ id, delivery }: WriteRequest) => {
  const parsed = parseDelivery(delivery);
  if (!parsed.ok) return parentPort!.postMessage({ id, ok: false, refused: parsed.error } satisfies WriteAnswer);
  commits
    .run((db) => applyDelivery(db, parsed.delivery, apply))
    .then(
      (applied) => parentPort!.postMessage({ id, ok: true, applied } satisfies WriteAnswer),
      (failure: unknown) => {
        logError("webhook delivery could not be stored", failure);
        parentPort!.postMessage({ id, ok: false } satisfies WriteAnswer);
      },
    );
});
