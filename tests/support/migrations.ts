import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./temp-database";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/**
 * A copy of the migrations folder as it was before an issue: its journal stops before the first entry whose tag
 * contains `tag` (later issues' migrations build on that one, so they go too). Migrate an old database with it,
 * write rows the way they were, then open it with db/client.ts to run the rest.
 */
export function migrationsBefore(tag: string): string {
  const dir = tempDir("migrations");
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag.includes(tag)),
  );
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}
