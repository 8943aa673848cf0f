import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "./client";

const INTERVAL_MS = 250;

// The worker's own connection copies WAL pages back into the database file (PASSIVE: it never blocks a writer
// or waits for a reader) and, at the configured `synchronous` level, syncs the file.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = " + workerData.synchronous);
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
setInterval(() => {
  try {
    checkpoint.get();
  } catch (error) {
    parentPort.postMessage(String(error));
  }
}, workerData.intervalMs);
`;

/**
 * SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1000 pages, so under a stream of
 * webhooks every few commits one stalls the event loop while it writes and syncs the database file: that was
 * the webhook's p99. The server's connection turns it off and this worker thread checkpoints every 250 ms.
 * Should the worker ever stop, the connection checkpoints for itself again, so the WAL never grows unbounded.
 */
export function startCheckpointer(
  db: Db,
  file: string,
  synchronous: string,
  onProblem: (message: string) => void,
): () => Promise<void> {
  const client = db.$client;
  client.pragma("wal_autocheckpoint = 0");
  const worker = new Worker(WORKER, {
    eval: true,
    // It holds a connection and a timer, nothing more: a small heap keeps the server's memory down.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    workerData: { file, synchronous, driver: createRequire(import.meta.url).resolve("better-sqlite3"), intervalMs: INTERVAL_MS },
  });
  worker.unref();
  worker.on("message", (message: string) => onProblem(`WAL checkpoint failed: ${message}`));
  let stopped = false;
  const fallBack = (why: string) => {
    if (stopped) return;
    stopped = true;
    client.pragma("wal_autocheckpoint = 1000");
    onProblem(`the checkpoint worker stopped (${why}); the server's connection checkpoints for itself again`);
  };
  worker.on("error", (error) => fallBack(String(error)));
  worker.on("exit", (code) => fallBack(`exit code ${code}`));
  return async () => {
    stopped = true;
    await worker.terminate();
  };
}
