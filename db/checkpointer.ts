import { Worker } from "node:worker_threads";

// The worker's own connection copies WAL pages back into the database file (PASSIVE: it never blocks a writer
// or waits for a reader) and, at the configured `synchronous` level, syncs the file: one checkpoint per request.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(require.resolve("better-sqlite3", { paths: [workerData.root] }));
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = " + workerData.synchronous);
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
parentPort.on("message", () => {
  try {
    checkpoint.get();
    parentPort.postMessage(null);
  } catch (error) {
    parentPort.postMessage(String(error));
  }
});
`;

export type Checkpointer = {
  /** One PASSIVE checkpoint on the worker's thread; rejects with SQLite's error, or when the worker is gone. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
};

/**
 * SQLite's automatic checkpoint runs inside whichever commit pushes the WAL past 1000 pages, so under a stream of
 * webhooks every few commits one stalls the event loop while it writes and syncs the database file: that was
 * the webhook's p99. Connections raise that threshold far out of the way (db/client.ts) and a job asks this
 * worker thread to checkpoint every 250 ms instead (lib/server/start-up.ts). Should the worker ever stop, the
 * connections' own threshold still bounds the WAL.
 */
export function openCheckpointer(file: string, synchronous: string): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    // Not npm start's flags: its TypeScript loader has nothing to load here.
    execArgv: [],
    // It holds a connection, nothing more: a small heap keeps the server's memory down.
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    // Resolved from the app's folder at run time: a bundler would rewrite a resolve() written here.
    workerData: { file, synchronous, root: process.cwd() },
  });
  worker.unref();
  const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let gone: Error | undefined;
  worker.on("message", (problem: string | null) => {
    const next = waiting.shift();
    if (problem === null) next?.resolve();
    else next?.reject(new Error(`WAL checkpoint failed: ${problem}`));
  });
  const stopped = (why: string) => {
    gone ??= new Error(`the checkpoint worker stopped (${why}); connections checkpoint for themselves past 40 MB of WAL`);
    for (const pending of waiting.splice(0)) pending.reject(gone);
  };
  worker.on("error", (error) => stopped(String(error)));
  worker.on("exit", (code) => stopped(`exit code ${code}`));
  return {
    checkpoint: () =>
      new Promise<void>((resolve, reject) => {
        if (gone) return reject(gone);
        waiting.push({ resolve, reject });
        worker.postMessage(null);
      }),
    async close() {
      gone ??= new Error("the checkpoint worker was closed");
      await worker.terminate();
    },
  };
}
