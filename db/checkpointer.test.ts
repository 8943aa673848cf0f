import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openCheckpointer } from "./checkpointer";
import { openDatabase, type Db } from "./client";
import { interviewSlots } from "./schema";

let dir: string;
let file: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpointer-"));
  file = path.join(dir, "test.db");
  // NORMAL: thousands of commits without an fsync each; what is tested is who checkpoints, not durability.
  db = openDatabase(file, "NORMAL");
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("copies the WAL back in the background while connections keep their checkpoints far out of the way", async () => {
  const checkpointer = openCheckpointer(file, "NORMAL");
  try {
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
    const insert = db.$client.prepare("INSERT INTO interview_slots (starts_at, capacity) VALUES (?, 1)");
    // Each row its own commit, past SQLite's default of 1000 pages (but below this connection's 10,000).
    const padding = db.$client.prepare("INSERT INTO changes (kind, candidate_id, at) VALUES (?, NULL, 0)");
    for (let i = 0; i < 2000; i++) {
      insert.run(Date.UTC(2026, 0, 1) + i * 60_000);
      padding.run("x".repeat(2000));
    }
    // Committed pages reach the database file itself only through a checkpoint; this connection took none.
    const written = 2000 * 2000;
    expect(fs.statSync(file).size).toBeLessThan(written);
    await checkpointer.checkpoint();
    expect(fs.statSync(file).size).toBeGreaterThan(written);
    expect(db.select().from(interviewSlots).all()).toHaveLength(2000);
  } finally {
    await checkpointer.close();
  }
});

it("answers each checkpoint, and refuses once the worker is gone", async () => {
  const checkpointer = openCheckpointer(file, "NORMAL");
  db.$client.prepare("INSERT INTO interview_slots (starts_at, capacity) VALUES (?, 1)").run(Date.UTC(2026, 0, 1));
  await expect(checkpointer.checkpoint()).resolves.toBeUndefined();
  await checkpointer.close();
  await expect(checkpointer.checkpoint()).rejects.toThrow(/closed/);
});
