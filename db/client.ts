import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { asEventLoopWriter } from "./write-turns";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** 40 MB of WAL: ten times what the worker lets it reach in normal operation. */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** How long a write waits for another connection's transaction to end. */
const BUSY_TIMEOUT_MS = 5000;

const VARIANTS = ["default", "deferred", "immediate", "exclusive"] as const;

/**
 * Every transaction of this connection (Drizzle's too) waits for the write lock by the clock. SQLite's busy wait
 * adds up the sleeps it asked for, not the time that passed: a signal cuts each sleep short (a CPU profiler's
 * SIGPROF comes every millisecond), and its 5-second wait gave up after 67 ms. A transaction that could not begin
 * is begun again until 5 seconds have really passed; one that began and failed is never run twice. On the event
 * loop, the webhook's writer thread gives way to it (db/write-turns.ts).
 */
function patientTransactions(sqlite: Database.Database): void {
  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    let began = false;
    const compiled = transaction(function (this: unknown, ...args: unknown[]) {
      began = true;
      return fn.apply(this, args);
    });
    const patient = (run: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        const deadline = performance.now() + BUSY_TIMEOUT_MS;
        let retried = false;
        try {
          for (;;) {
            began = false;
            try {
              return asEventLoopWriter(() => run.apply(this, args));
            } catch (error) {
              const busy = (error as { code?: unknown }).code === "SQLITE_BUSY";
              const left = Math.ceil(deadline - performance.now());
              if (began || !busy || left <= 0) throw error;
              // The next wait ends at the deadline, not a whole timeout later.
              sqlite.pragma(`busy_timeout = ${left}`);
              retried = true;
            }
          }
        } finally {
          if (retried) sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        }
      };
    // As better-sqlite3 builds them: each variant carries all the others and the database.
    const properties: PropertyDescriptorMap = { database: { value: sqlite, enumerable: true } };
    for (const variant of VARIANTS) properties[variant] = { value: patient(compiled[variant]) };
    for (const variant of VARIANTS) Object.defineProperties(properties[variant]!.value, properties);
    return properties.default!.value;
  }) as Database.Database["transaction"];
}

/** Opens (creating if needed) and migrates the SQLite file; every process that touches the data goes through here. */
export function openDatabase(file: string, synchronous = env().SQLITE_SYNCHRONOUS): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma("foreign_keys = ON");
  // Writers queue behind each other (a second server, a CLI script) instead of failing at once.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  patientTransactions(sqlite);
  // The checkpoint worker (db/checkpointer.ts) keeps the WAL short without stalling a writer; a connection
  // checkpoints for itself only if the WAL ever grows far past that (say, with the worker gone).
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

// A development-reload singleton (`next dev` only): it re-evaluates modules on every change, and each evaluation would
// open another connection. In production every module instance (route handlers, pages and actions,
// instrumentation: Next gives each its own) keeps its own connection; nothing is handed between them.
const devGlobal = globalThis as unknown as { callboardDb?: Db };
let connection: Db | undefined;

/** This module instance's connection, opened on first use: `next build` imports route modules without a database. */
export function getDb(): Db {
  if (process.env.NODE_ENV !== "development") return (connection ??= openDatabase(env().DATABASE_PATH));
  return (devGlobal.callboardDb ??= openDatabase(env().DATABASE_PATH));
}
