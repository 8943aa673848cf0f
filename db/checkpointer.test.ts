import fs from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openCheckpointer } from "./checkpointer";
import type { Db } from "./client";
import { interviewSlots } from "./schema";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

let temp: TempDatabase;
let file: string;
let db: Db;

beforeEach(() => {
  // NORMAL: thousands of commits without an fsync each; what is tested is who checkpoints, not durability.
  temp = tempDatabase("checkpointer", "NORMAL");
  db = temp.db;
  file = temp.file;
});

afterEach(() => {
  temp.remove();
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
