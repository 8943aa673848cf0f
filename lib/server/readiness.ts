import fs from "node:fs";
import path from "node:path";
import { count, eq, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { installation, outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { eventLoopLag, type LagFigures } from "./event-loop-lag";
import { sheddingState, type SheddingState } from "./shedding-state";

/** A message still queued this long after it was due means the mail server is not keeping up. */
const MAIL_OVERDUE_MS = 15 * 60_000;
/** Readiness is worked out at most once a second per module copy: a flood of probes costs one write a second. */
const CACHE_MS = 1_000;

export type Readiness = {
  ready: boolean;
  /** What fails readiness, in words; empty when ready. */
  problems: string[];
  /** What is wrong without taking the server out of rotation (a slow mail server must not stop the site). */
  warnings: string[];
  checks: {
    database: { ok: boolean; writeMs: number | null; error?: string };
    disk: { ok: boolean; freeMb: number | null; minFreeMb: number };
    eventLoop: { ok: boolean; maxLagMs: number } & LagFigures;
    mail: { ok: boolean; queued: number; overdueMinutes: number };
    shedding: { ok: boolean; active: boolean } & Partial<SheddingState>;
  };
};

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A real write, committed: on a full or read-only disk this is what fails, as every other write would. In a
 * transaction, so that the webhook's writer thread gives way to it (db/write-turns.ts).
 */
function probeDatabase(db: Db): Readiness["checks"]["database"] {
  const started = performance.now();
  try {
    db.transaction((tx) => tx.update(installation).set({ probedAt: new Date() }).where(eq(installation.id, 1)).run(), {
      behavior: "immediate",
    });
    return { ok: true, writeMs: round(performance.now() - started) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, writeMs: null, error: typeof code === "string" ? code : "the database does not take writes" };
  }
}

function probeDisk(): Readiness["checks"]["disk"] {
  const minFreeMb = env().MIN_FREE_DISK_MB;
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(env().DATABASE_PATH)));
    const freeMb = round((stats.bavail * stats.bsize) / 2 ** 20);
    return { ok: freeMb >= minFreeMb, freeMb, minFreeMb };
  } catch {
    return { ok: false, freeMb: null, minFreeMb };
  }
}

function probeMail(db: Db, now: number): Readiness["checks"]["mail"] {
  const row = db
    .select({ queued: count(), due: min(outboxMessages.nextAttemptAt) })
    .from(outboxMessages)
    .where(eq(outboxMessages.state, "queued"))
    .get();
  const overdueMs = row?.due ? Math.max(0, now - row.due.getTime()) : 0;
  return { ok: overdueMs < MAIL_OVERDUE_MS, queued: row?.queued ?? 0, overdueMinutes: Math.floor(overdueMs / 60_000) };
}

function assess(db: Db): Readiness {
  const config = env();
  const lag = eventLoopLag();
  const shedding = sheddingState();
  const active = (shedding?.refusedRecently ?? 0) > 0;
  const database = probeDatabase(db);
  const checks: Readiness["checks"] = {
    database,
    disk: probeDisk(),
    eventLoop: { ok: lag.sustainedMs <= config.MAX_EVENT_LOOP_LAG_MS, maxLagMs: config.MAX_EVENT_LOOP_LAG_MS, ...lag },
    // A database that did not take the write would keep this read waiting on its locks too: not asked then.
    mail: database.ok ? probeMail(db, Date.now()) : { ok: true, queued: 0, overdueMinutes: 0 },
    shedding: { ok: !active, active, ...shedding },
  };
  const problems = [
    !checks.database.ok && "the database does not take writes",
    !checks.disk.ok && `less than ${checks.disk.minFreeMb} MiB free beside the database`,
    !checks.eventLoop.ok && `the event loop has lagged ${checks.eventLoop.sustainedMs} ms for seconds`,
    active && `shedding load (${shedding?.lastReason ?? "busy"})`,
  ].filter((problem): problem is string => typeof problem === "string");
  const warnings = checks.mail.ok ? [] : [`${checks.mail.queued} messages queued, ${checks.mail.overdueMinutes} minutes overdue`];
  return { ready: problems.length === 0, problems, warnings, checks };
}

let cached: { at: number; value: Readiness } | undefined;

/**
 * Whether this server should get traffic: the database takes a write, there is room on its disk, the event loop
 * keeps up, and the load shedder is not refusing anyone. The mail backlog is reported but never fails it.
 */
export function readiness(db: Db): Readiness {
  const now = Date.now();
  if (!cached || now - cached.at >= CACHE_MS) cached = { at: now, value: assess(db) };
  return cached.value;
}
