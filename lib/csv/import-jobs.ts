import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { and, count, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { csvImports, type CsvImport } from "@/db/schema";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import type { ImportOptions, ImportReport } from "./import-candidates";
import type { ImportWorkerData } from "./import-worker";

/** Imports a user may have waiting or running at once; the server runs one at a time. */
const OPEN_PER_USER = 2;
/** A finished import's row (its report names people) is kept this long for the page to show. */
const KEEP_MS = 24 * 3600_000;
/** The worker stays loaded this long after its last import, then gives its memory back. */
const IDLE_MS = 60_000;
const RUNNER = Symbol.for("callboard.importRunner");

// The worker runs TypeScript: tsx is registered inside it, then the module is imported. Resolved from the app's
// folder at run time (a bundler would rewrite a path written into an import here).
const WORKER_CODE = (entry: string) =>
  `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;

type Runner = { tail: Promise<void>; worker: Worker | null; idle: NodeJS.Timeout | null };

/** One per process (route modules are separate copies; they share it through globalThis). */
function runner(): Runner {
  const holder = globalThis as unknown as Record<symbol, Runner | undefined>;
  return (holder[RUNNER] ??= { tail: Promise.resolve(), worker: null, idle: null });
}

function markFailed(db: Db, jobId: number): void {
  db.update(csvImports)
    .set({ state: "failed", errorCode: "internal_error", error: "The import stopped unexpectedly.", finishedAt: new Date() })
    .where(and(eq(csvImports.id, jobId), inArray(csvImports.state, ["queued", "running"])))
    .run();
}

/**
 * Runs one job on the runner's worker, loading it first if needed (loading takes a few seconds: it is kept
 * between imports, and let go after IDLE_MS).
 */
function runOnWorker(db: Db, line: Runner, data: ImportWorkerData): Promise<void> {
  if (line.idle) clearTimeout(line.idle);
  if (!line.worker) {
    const entry = pathToFileURL(path.join(process.cwd(), "lib", "csv", "import-worker.ts")).href;
    // Its own heap: a huge file fails this import, never the server.
    const worker = new Worker(WORKER_CODE(entry), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 384 } });
    worker.unref();
    worker.on("error", (error) => logError("the CSV import worker failed", error));
    worker.on("exit", () => {
      if (line.worker === worker) line.worker = null;
    });
    line.worker = worker;
  }
  const worker = line.worker;
  return new Promise<void>((resolve) => {
    const finish = () => {
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      line.idle = setTimeout(() => {
        if (line.worker === worker) line.worker = null;
        void worker.terminate();
      }, IDLE_MS).unref();
      resolve();
    };
    const onMessage = (message: { done?: number; failure?: string }) => {
      if (message.failure) logError(`CSV import ${data.jobId} failed`, new Error(message.failure));
      if (message.done === data.jobId) finish();
    };
    // A worker that died (out of memory, killed) left its job unfinished: say so.
    const onExit = () => {
      markFailed(db, data.jobId);
      finish();
    };
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.postMessage(data, [data.bytes.buffer as ArrayBuffer]);
  });
}

/**
 * Queues a CSV import (the file's bytes, which move to the worker) and returns its job id at once; `finished`
 * settles when the worker is done. One import runs at a time per server: four recruiters importing at once
 * take turns instead of sharing two cores. Each user may have OPEN_PER_USER imports open (429 past that).
 */
export function startImport(db: Db, bytes: Uint8Array, options: ImportOptions): { id: number; finished: Promise<void> } {
  const open =
    db
      .select({ n: count() })
      .from(csvImports)
      .where(and(eq(csvImports.createdBy, options.actor.label), inArray(csvImports.state, ["queued", "running"])))
      .get()?.n ?? 0;
  if (open >= OPEN_PER_USER) {
    throw new ApiError("rate_limited", `You have ${open} imports under way; wait for one to finish.`, undefined, 10);
  }
  const job = db
    .insert(csvImports)
    .values({ dryRun: options.dryRun, state: "queued", createdBy: options.actor.label, bytes: bytes.byteLength })
    .returning({ id: csvImports.id })
    .get();
  const line = runner();
  // Moved to the worker, not copied; a view into a shared pool (a small Buffer) is copied out first.
  const owned = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes);
  const data: ImportWorkerData = { jobId: job.id, databasePath: env().DATABASE_PATH, bytes: owned, options };
  const finished = line.tail.then(() => runOnWorker(db, line, data));
  line.tail = finished;
  return { id: job.id, finished };
}

export function findImport(db: Pick<Db, "select">, id: number): CsvImport | undefined {
  return db.select().from(csvImports).where(eq(csvImports.id, id)).get();
}

export function importJson(job: CsvImport) {
  return {
    id: job.id,
    state: job.state,
    dryRun: job.dryRun,
    progress: job.progress,
    rowsRead: job.rowsRead,
    valid: job.valid,
    invalid: job.invalid,
    imported: job.imported,
    error: job.error === null ? null : { code: job.errorCode, message: job.error },
    report: (job.report as ImportReport | null) ?? null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** At start-up: imports a previous process was running or had queued will never finish. */
export function failInterruptedImports(db: Db): number {
  return db
    .update(csvImports)
    .set({
      state: "failed",
      errorCode: "internal_error",
      error: "The server restarted before the import finished.",
      finishedAt: new Date(),
    })
    .where(inArray(csvImports.state, ["queued", "running"]))
    .run().changes;
}

/** Housekeeping: finished imports go a day later. */
export function purgeFinishedImports(db: Db, now = new Date()): number {
  return db
    .delete(csvImports)
    .where(lt(csvImports.finishedAt, new Date(now.getTime() - KEEP_MS)))
    .run().changes;
}
