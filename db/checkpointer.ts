import { Worker } from "node:worker_threads";

const INTERVAL_MS = 250;

// The worker's own connection copies WAL pages back into the database file (PASSIVE: it never blocks a writer
// or waits for a reader) and, at the configured `synchronous` level, syncs the file.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(require.resolve("better-sqlite3", { paths: [workerData.root] }));
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
 * the webhook's p99. Connections raise that threshold far out of the way (db/client.ts) and this worker thread
 * checkpoints every 250 ms instead. Should the worker ever stop, the connections' own threshold still bounds
 * the WAL.
 */
export function startCheckpointer(file: string, synchronous: string, onProblem: (message: string) => void): () => Promise<void> {
  const worker = new Worker(WORKER, {
    eval: true,
    // It holds a connection and a timer, nothing more: a small heap keeps the server's memory down.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    // Resolved from the app's folder at run time: a bundler would rewrite a resolve() written here.
    workerData: { file, synchronous, root: process.cwd(), intervalMs: INTERVAL_MS },
  });
  worker.unref();
  worker.on("message", (message: string) => onProblem(`WAL checkpoint failed: ${message}`));
  let stopped = false;
  const gone = (why: string) => {
    if (!stopped) onProblem(`the checkpoint worker stopped (${why}); connections checkpoint for themselves past 40 MB of WAL`);
    stopped = true;
  };
  worker.on("error", (error) => gone(String(error)));
  worker.on("exit", (code) => gone(`exit code ${code}`));
  return async () => {
    stopped = true;
    await worker.terminate();
  };
}
