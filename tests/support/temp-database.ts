import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";

/** A fresh folder under the system's temporary directory. */
export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `callboard-${label}-`));
}

/** A fresh SQLite path in its own temporary folder (nothing is created at the path itself). */
export function tempDatabasePath(label = "callboard"): string {
  return path.join(tempDir(label), "test.db");
}

export type TempDatabase = {
  db: Db;
  /** The database file, for a second connection or a process that opens it by name. */
  file: string;
  /** Closes the connection and deletes the folder. */
  remove: () => void;
};

/**
 * A migrated database in a temporary folder. Synchronous OFF by default: a test's commits need not survive power
 * loss; a test of durability or of checkpoints says which mode it needs.
 */
export function tempDatabase(label: string, synchronous: "OFF" | "NORMAL" | "FULL" = "OFF"): TempDatabase {
  const file = tempDatabasePath(label);
  const db = openDatabase(file, synchronous);
  return {
    db,
    file,
    remove: () => {
      db.$client.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
