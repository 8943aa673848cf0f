import { Worker } from "node:worker_threads";
import { ApiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import type { ExportJob, ExportPiece } from "./export-worker";
import { threadExecArgv } from "@/lib/server/thread-exec-argv";

/**
 * Exports running at once in this process, each on its own thread with its own small heap: past this a recruiter
 * is asked to retry in a moment (503) rather than the server's memory growing with every click.
 */
const AT_ONCE = 2;
/**
 * A stream nobody pulls from for this long is let go (thread stopped, place freed): a response whose body is
 * never read (a HEAD, a stalled client the server keeps) must not hold one of the places until a restart.
 */
const ABANDONED_AFTER_MS = 120_000;
let running = 0;

/**
 * The CSV export as a stream of bytes, made on a thread of its own (lib/csv/export-worker.ts): the event loop only
 * hands each piece on. The next piece is asked for only when the client has taken the last (back-pressure); a
 * client that goes away stops the thread.
 */
export function exportStream(job: ExportJob): ReadableStream<Uint8Array> {
  if (running >= AT_ONCE) {
    throw new ApiError("overloaded", `${AT_ONCE} exports are being made; try again in a minute.`, undefined, 60);
  }
  // Built as an entry of its own (Turbopack follows `new Worker(new URL(…))`). A small heap: it holds one page.
  const worker = new Worker(new URL("./export-worker.ts", import.meta.url), {
    workerData: job,
    execArgv: threadExecArgv(),
    resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 2 },
  });
  // Counted once the thread exists: a thread that cannot start must not hold a place until a restart.
  running += 1;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    running -= 1;
    void worker.terminate();
  };
  let waiting: { resolve: (piece: ExportPiece) => void; reject: (error: Error) => void } | null = null;
  worker.on("message", (piece: ExportPiece) => waiting?.resolve(piece));
  worker.on("error", (error) => {
    logError("the CSV export thread failed", error);
    waiting?.reject(error);
  });
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  const abandoned = setTimeout(() => {
    if (done) return;
    finish();
    stream?.error(new Error("the CSV export was not read"));
  }, ABANDONED_AFTER_MS).unref();
  worker.once("exit", () => {
    clearTimeout(abandoned);
    waiting?.reject(new Error("the CSV export thread stopped"));
  });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        stream = controller;
      },
      async pull(controller) {
        abandoned.refresh();
        const piece = await new Promise<ExportPiece>((resolve, reject) => {
          waiting = { resolve, reject };
          worker.postMessage("next");
        }).catch((error: unknown) => {
          finish();
          throw error;
        });
        waiting = null;
        if (piece) return controller.enqueue(piece);
        finish();
        controller.close();
      },
      cancel: finish,
    },
    { highWaterMark: 1 },
  );
}
