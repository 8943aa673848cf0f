import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Db } from "./client";
import { eventLoopWriters } from "./write-turns";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// A writer thread that begins its transactions back to back, as the webhook's does under load: each holds the
// lock for 10 ms; it counts its commits, and gives way to the event loop's writers. Its wait has no cap here (the
// server's is 100 ms), so that a busy machine pausing the test's thread cannot let a second transaction by. Without
// giving way, such a thread kept each write of the event loop waiting about 470 ms (20 writes took 9.4 s).
const WRITER = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require("better-sqlite3");
const { giveWayToEventLoop } = require("tsx/cjs/api").require(workerData.turns, workerData.turns);
const { file, writers, counters } = workerData;
const db = new Database(file);
db.pragma("busy_timeout = 5000");
const insert = db.prepare("INSERT INTO changes (kind, candidate_id, at) VALUES ('writer', NULL, ?)");
const batch = db.transaction(() => {
  const end = performance.now() + 10;
  while (performance.now() < end) insert.run(Date.now());
});
(function loop() {
  if (Atomics.load(counters, 1) === 1) return parentPort.postMessage("stopped");
  giveWayToEventLoop(writers, 60_000);
  batch.immediate();
  Atomics.add(counters, 0, 1);
  setImmediate(loop);
})();
`;

let temp: TempDatabase;
let db: Db;

beforeEach(() => {
  temp = tempDatabase("write-turns", "NORMAL");
  db = temp.db;
});

afterEach(() => temp.remove());

/** How many of the writer's transactions committed while each of 20 writes on the event loop waited and ran. */
async function batchesPerEventLoopWrite(): Promise<number[]> {
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const turns = path.join(import.meta.dirname, "write-turns.ts");
  const writer = new Worker(WRITER, {
    eval: true,
    workerData: { file: temp.file, writers: eventLoopWriters(), counters, turns },
  });
  const stopped = new Promise((resolve) => writer.once("message", resolve));
  try {
    while (Atomics.load(counters, 0) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const write = db.$client.transaction(() =>
      db.$client.prepare("INSERT INTO changes (kind, candidate_id, at) VALUES ('event loop', NULL, 0)").run(),
    );
    const overtaken: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = Atomics.load(counters, 0);
      write.immediate();
      overtaken.push(Atomics.load(counters, 0) - before);
      await new Promise((resolve) => setTimeout(resolve, 7));
    }
    return overtaken;
  } finally {
    Atomics.store(counters, 1, 1);
    await stopped;
    await writer.terminate();
  }
}

it("an event-loop write waits for the writer thread's transaction in progress at most, never for the next ones", async () => {
  const overtaken = await batchesPerEventLoopWrite();
  // One in progress when the write asks; one more only if a transaction ended and the next began in the few
  // microseconds between the test's count and the write's announcement.
  expect(Math.max(...overtaken)).toBeLessThanOrEqual(2);
  expect(db.$client.prepare("SELECT count(*) AS n FROM changes WHERE kind = 'event loop'").get()).toEqual({ n: 20 });
});
