import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/env";

/**
 * `npm run db:backup [destination]`: a consistent copy of the live database through SQLite's online backup
 * API, safe while the server keeps writing (pages changed during the copy are copied again).
 */
async function main() {
  const source = env().DATABASE_PATH;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = process.argv[2] ?? path.join(path.dirname(source), "backups", `callboard-${stamp}.db`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
    // Copy every page in one step: under steady writes, many small steps would keep restarting.
    await db.backup(destination, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    db.close();
  }
  const copy = new Database(destination, { readonly: true });
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") throw new Error(`the backup failed its integrity check: ${String(check)}`);
  console.log(`Backed up ${source} to ${destination} (integrity ok)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
