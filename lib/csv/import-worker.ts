import { parentPort } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { writePauseMs } from "@/db/write-pause";
import { csvImports, type CsvImport } from "@/db/schema";
import { CsvFormatError, readCsvRecords } from "./csv-format";
import { createCandidateImport, ImportTooLargeError, type ImportOptions } from "./import-candidates";

export type ImportWorkerData = { jobId: number; databasePath: string; bytes: Uint8Array; options: ImportOptions };

/** How often the job's row is told how far the worker has got (the import page polls it). */
const PROGRESS_EVERY_MS = 250;
// The pause after each chunk's commit (db/write-pause.ts); Atomics.wait, because the CSV reader calls back synchronously.
const pause = new Int32Array(new SharedArrayBuffer(4));

const connections = new Map<string, Db>();

/**
 * A CSV import, in a worker thread (lib/csv/import-jobs.ts runs one job at a time on it): decoding, parsing,
 * checking and writing a file of hundreds of thousands of rows never runs on the server's event loop. It has its
 * own database connection and writes its progress and its report into the job's row.
 */
function run({ jobId, databasePath, bytes, options }: ImportWorkerData): void {
  let db = connections.get(databasePath);
  if (!db) connections.set(databasePath, (db = openDatabase(databasePath)));
  const update = (values: Partial<CsvImport>) => db.update(csvImports).set(values).where(eq(csvImports.id, jobId)).run();
  update({ state: "running" });
  let job: ReturnType<typeof createCandidateImport> | undefined;
  try {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      update({
        state: "failed",
        errorCode: "invalid_encoding",
        error: "The file is not valid UTF-8 text.",
        finishedAt: new Date(),
      });
      return;
    }
    job = createCandidateImport(db, {
      ...options,
      afterWrite: (heldMs) => Atomics.wait(pause, 0, 0, writePauseMs(heldMs)),
    });
    let reported = Date.now();
    readCsvRecords(text, (record, cursor) => {
      job!.add(record);
      if (Date.now() - reported < PROGRESS_EVERY_MS) return;
      reported = Date.now();
      const { total, ...counts } = job!.progress();
      update({ progress: Math.min(0.99, cursor / text.length), rowsRead: total, ...counts });
    });
    const report = job.finish();
    const { total, valid, invalid, imported } = report;
    update({ state: "done", progress: 1, rowsRead: total, valid, invalid, imported, report, finishedAt: new Date() });
  } catch (error) {
    const expected = error instanceof CsvFormatError || error instanceof ImportTooLargeError;
    // What a failed chunk had not written is not counted; what earlier chunks wrote stays, and is said.
    const { total = 0, ...counts } = job?.progress() ?? {};
    update({
      state: "failed",
      errorCode: expected ? "invalid_csv" : "internal_error",
      error: expected ? error.message : "The import stopped because of a problem on our side.",
      rowsRead: total,
      ...counts,
      finishedAt: new Date(),
    });
    if (!expected) parentPort?.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

parentPort?.on("message", (data: ImportWorkerData) => {
  run(data);
  parentPort?.postMessage({ done: data.jobId });
});
