import crypto from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, webhookEvents } from "@/db/schema";
import { applyExecution, type ApplyConfig } from "@/lib/calls/apply-execution";
import { parseBolnaTime } from "@/lib/time/bolna-time";
import { BolnaError } from "./bolna-errors";
import { isTerminalStatus } from "./call-status";
import type { BolnaClient } from "./client";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { parseExecution, type Execution } from "./parse-execution";
import { loadSweepState, saveSweepState } from "./sweep-state";

/** Bolna's cap on a page (reference §8). */
export const SWEEP_PAGE_SIZE = 50;
/** Never further back than this: Bolna's presigned data has expired, and the reconciler gives up there too. */
const MAX_LOOK_BACK_MS = 7 * 24 * 3600_000;
/** Each pass starts this much before the watermark: clocks differ, and a call is created before it is listed. */
const OVERLAP_MS = 10 * 60_000;

export type SweepConfig = ApplyConfig & {
  /** How far back the first sweep of a database looks. */
  firstLookBackMs: number;
  /** Per run, to stay far inside Bolna's 500 requests a minute: list pages, and executions fetched in full. */
  maxPages?: number;
  maxFetches?: number;
};

type SweepResult = { pages: number; seen: number; applied: number; finished: boolean };

type Row = { id: string; status: string | null; createdAt: Date | null; updatedAt: Date | null };

function readRow(row: Record<string, unknown>): Row | null {
  const id = typeof row.id === "string" || typeof row.id === "number" ? String(row.id) : null;
  if (!id || id.length > 200) return null;
  return {
    id,
    status: typeof row.status === "string" ? row.status.trim().toLowerCase() : null,
    createdAt: parseBolnaTime(row.created_at)?.date ?? null,
    updatedAt: parseBolnaTime(row.updated_at)?.date ?? null,
  };
}

/**
 * Whether Callboard has heard less of this execution than the list shows: no call and no stored delivery with
 * this status, or a call whose status differs or whose last update is older than the row's.
 */
function heardLess(db: Db, row: Row): boolean {
  const call = db
    .select({ status: calls.status, bolnaUpdatedAt: calls.bolnaUpdatedAt })
    .from(calls)
    .where(eq(calls.executionId, row.id))
    .get();
  if (!call) {
    // Unmatched deliveries have no call: an execution already in the inbox with this status is not news.
    const event = db
      .select({ status: webhookEvents.bolnaStatus })
      .from(webhookEvents)
      .where(eq(webhookEvents.executionId, row.id))
      .orderBy(desc(webhookEvents.id))
      .limit(1)
      .get();
    return event?.status !== row.status;
  }
  if (call.status !== row.status) return true;
  return row.updatedAt !== null && (call.bolnaUpdatedAt === null || row.updatedAt > call.bolnaUpdatedAt);
}

/** Whether the execution may still change: not final on Bolna's side, or a retry Callboard knows is coming. */
function stillOpen(db: Db, row: Row): boolean {
  if (!isTerminalStatus(row.status)) return true;
  const call = db.select({ next: calls.nextAttemptAt }).from(calls).where(eq(calls.executionId, row.id)).get();
  return Boolean(call?.next);
}

/**
 * An execution Callboard never knew, from before the candidate with its number was added: it belongs to someone
 * who held the number earlier, or to a candidate since deleted (and re-added). It must not decide for this one.
 */
function predatesItsCandidate(db: Db, execution: Execution, defaultCountry: string): boolean {
  const created = execution.createdAt?.date;
  if (!created) return false;
  for (const raw of execution.phones) {
    const phone = normalizePhone(raw, defaultCountry);
    const candidate =
      phone && db.select({ createdAt: candidates.createdAt }).from(candidates).where(eq(candidates.phone, phone)).get();
    if (candidate) return created < candidate.createdAt;
  }
  return false;
}

async function applyFromBolna(db: Db, client: BolnaClient, executionId: string, config: ApplyConfig): Promise<void> {
  let fetched: Awaited<ReturnType<BolnaClient["getExecution"]>>;
  try {
    fetched = await client.getExecution(executionId);
  } catch (error) {
    // Listed but gone (deleted at Bolna): nothing to apply, and no reason to stop the pass.
    if (error instanceof BolnaError && error.kind === "not_found") return;
    throw error;
  }
  const parsed = parseExecution(fetched.execution);
  if (!parsed.ok || parsed.execution.executionId !== executionId) return;
  const known = db.select({ id: calls.id }).from(calls).where(eq(calls.executionId, executionId)).get();
  if (!known && predatesItsCandidate(db, parsed.execution, config.defaultCountry)) return;
  applyExecution(
    db,
    {
      execution: parsed.execution,
      rawBody: fetched.rawText,
      bodyHash: crypto.createHash("sha256").update(fetched.rawText).digest("hex"),
      senderIp: null,
      receivedAt: new Date(),
      source: "sweep",
    },
    config,
  );
}

/**
 * One run of the sweep: pages Bolna's executions list for the window since the watermark (newest first, 50 a
 * page, `from`/`to` on created_at) and applies, through the webhook's pipeline (source `sweep`), every execution
 * Callboard has not heard of or has heard less of, fetched in full. A pass keeps its `to` and its page in the
 * database, so a run that stops (its page or fetch budget, a 429 that outlasts the client's retries, a restart)
 * resumes where it was; a finished pass moves the watermark to the oldest execution still open, so nothing that
 * can still change is ever left behind. Throws what the client throws (BolnaError): the caller backs off.
 */
export async function sweepExecutions(db: Db, client: BolnaClient, config: SweepConfig, now = new Date()): Promise<SweepResult> {
  const state = loadSweepState(db, now, config.firstLookBackMs);
  const from = state.passFrom ?? new Date(Math.max(state.watermark.getTime() - OVERLAP_MS, now.getTime() - MAX_LOOK_BACK_MS));
  const to = state.passTo ?? now;
  let page = state.passPage ?? 1;
  let oldestOpen = state.passOldestOpen;
  const result: SweepResult = { pages: 0, seen: 0, applied: 0, finished: false };
  const maxPages = config.maxPages ?? 20;
  const maxFetches = config.maxFetches ?? 100;
  saveSweepState(db, { passFrom: from, passTo: to, passPage: page, lastRunAt: now });
  try {
    while (result.pages < maxPages) {
      const listed = await client.listExecutions({ pageNumber: page, pageSize: SWEEP_PAGE_SIZE, from, to });
      result.pages++;
      for (const raw of listed.rows) {
        const row = readRow(raw);
        if (!row) continue;
        result.seen++;
        if (heardLess(db, row)) {
          // Out of budget mid-page: this page is read again next run (what was applied is no longer news then).
          if (result.applied >= maxFetches) return result;
          await applyFromBolna(db, client, row.id, config);
          result.applied++;
        }
        if (stillOpen(db, row) && row.createdAt && (!oldestOpen || row.createdAt < oldestOpen)) oldestOpen = row.createdAt;
      }
      page++;
      saveSweepState(db, { passPage: page, passOldestOpen: oldestOpen });
      if (!listed.hasMore || listed.rows.length === 0) {
        saveSweepState(db, {
          watermark: oldestOpen ?? to,
          passFrom: null,
          passTo: null,
          passPage: null,
          passOldestOpen: null,
          lastError: null,
          lastApplied: result.applied,
        });
        result.finished = true;
        return result;
      }
    }
    return result;
  } catch (error) {
    saveSweepState(db, { lastError: error instanceof Error ? error.message.slice(0, 500) : "sweep failed" });
    throw error;
  }
}
