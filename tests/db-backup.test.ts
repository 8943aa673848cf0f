import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates } from "@/db/schema";
import { insertCandidate, openTestDatabase } from "./support/database";
import { tempDatabasePath } from "./support/temp-database";

const run = promisify(execFile);

describe("npm run db:backup", () => {
  it("makes a consistent copy while another connection keeps writing", async () => {
    const source = tempDatabasePath("backup");
    const db = openTestDatabase(source);
    for (let i = 0; i < 200; i += 1) insertCandidate(db);
    const before = db.select({ n: count() }).from(candidates).get()!.n;

    let writes = 0;
    const writer = setInterval(() => {
      insertCandidate(db);
      writes += 1;
    }, 2);
    const destination = path.join(path.dirname(source), "copy.db");
    try {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", destination], {
        env: { ...process.env, DATABASE_PATH: source },
      });
      expect(stdout).toContain("integrity ok");
    } finally {
      clearInterval(writer);
    }
    expect(writes).toBeGreaterThan(0);

    const copy = new Database(destination, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const copied = (copy.prepare("select count(*) as n from candidates").get() as { n: number }).n;
    copy.close();
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(before + writes);
    db.$client.close();
  });
});
