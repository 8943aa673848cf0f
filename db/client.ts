import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens (creating if needed) and migrates the SQLite file; every process that touches the data goes through here. */
export function openDatabase(file: string, synchronous = env().SQLITE_SYNCHRONOUS): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma("foreign_keys = ON");
  // Writers queue behind each other (a second server, a CLI script) instead of failing at once.
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

// Kept on globalThis so that development reloads reuse it. The key names this module's own copy: the custom
// server (scripts/start.ts) and Next's route bundles load separate copies of Drizzle in one process, and each
// keeps its own connection rather than handing objects across.
const KEY = Symbol.for(`callboard.db:${import.meta.url}`);
const globalForDb = globalThis as unknown as Record<symbol, Db | undefined>;

/** The process-wide connection, opened on first use: `next build` imports route modules without a database. */
export function getDb(): Db {
  globalForDb[KEY] ??= openDatabase(env().DATABASE_PATH);
  return globalForDb[KEY];
}
