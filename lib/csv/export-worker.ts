import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import type { AttentionClock } from "@/lib/candidates/attention";
import type { Filters } from "@/lib/candidates/query-candidates";
import { exportPieces } from "./export-candidates";

export type ExportJob = { databasePath: string; query: Filters; zone: string; clock: AttentionClock };
/** The next piece of the file, or null at its end. */
export type ExportPiece = Uint8Array | null;

/**
 * One CSV export, on a thread of its own (lib/csv/export-stream.ts starts it): reading a million rows and
 * formatting them never holds the server's event loop. It answers each "next" with the next piece, so it reads
 * no further ahead than the client has taken; its own read-only use of its own connection ends with it.
 */
const { databasePath, query, zone, clock } = workerData as ExportJob;
const db = openDatabase(databasePath);
const pieces = exportPieces(db, query, zone, clock);
const encoder = new TextEncoder();

parentPort!.on("message", () => {
  const next = pieces.next();
  if (next.done) {
    db.$client.close();
    return parentPort!.postMessage(null satisfies ExportPiece);
  }
  const bytes = encoder.encode(next.value);
  parentPort!.postMessage(bytes satisfies ExportPiece, [bytes.buffer]);
});
