import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

const run = promisify(execFile);

// SQLite's busy wait adds up the sleeps it asked for; a CPU profiler's signals cut each one short. On a real file,
// with a second process holding the write lock for a second: a write from a profiled process waits for it.

let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("busy-wait");
});

afterAll(() => {
  temp.remove();
});

describe("a write while another process holds the lock", () => {
  it("waits for the lock by the clock, even under a CPU profiler's signals", async () => {
    const holder = temp.db.$client;
    holder.exec("BEGIN IMMEDIATE");
    const release = setTimeout(() => holder.exec("COMMIT"), 1_000);
    try {
      const profiles = path.join(path.dirname(temp.file), "profiles");
      const { stdout } = await run(
        process.execPath,
        ["--cpu-prof", `--cpu-prof-dir=${profiles}`, "--import", "tsx", "tests/support/write-under-profiler.ts", temp.file],
        { env: { ...process.env, DATABASE_PATH: temp.file } },
      );
      expect(stdout.trim()).toBe("written");
    } finally {
      clearTimeout(release);
      if (holder.inTransaction) holder.exec("COMMIT");
    }
    expect(holder.prepare("SELECT count(*) AS n FROM interview_slots").get()).toEqual({ n: 1 });
  });
});
