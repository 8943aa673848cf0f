import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import { bolnaClient } from "@/lib/bolna/active-client";
import { BolnaApiError, withBolnaErrors } from "@/lib/bolna/bolna-http-error";
import { TERMINAL_STATUSES, isTerminalStatus } from "@/lib/bolna/call-status";
import type { BolnaClient } from "@/lib/bolna/client";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { env } from "@/lib/env";
import { ApiError, notFound } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { applyExecution, type ApplyConfig, type Applied } from "./apply-execution";

export type Reconciled = Applied & { executionId: string; bolnaStatus: string | null };

/**
 * "Check with Bolna": fetches the execution (GET /executions/:id) and applies it through the webhook pipeline
 * with source "reconcile", so the same ordering, de-duplication and audit rules hold. The stored event's raw
 * body is the text Bolna answered.
 */
export async function reconcileCall(db: Db, client: BolnaClient, executionId: string, config: ApplyConfig): Promise<Reconciled> {
  const known = db.select({ id: calls.id }).from(calls).where(eq(calls.executionId, executionId)).get();
  if (!known) throw notFound(`Call ${executionId}`);
  const fetched = await withBolnaErrors("fetch execution", () => client.getExecution(executionId));
  const parsed = parseExecution(fetched.execution);
  if (!parsed.ok)
    throw new ApiError("bolna_error", `Bolna's answer about call ${executionId} could not be read: ${parsed.message}`);
  if (parsed.execution.executionId !== executionId) {
    throw new ApiError("bolna_error", `Bolna answered about call ${parsed.execution.executionId} instead of ${executionId}.`);
  }
  const applied = applyExecution(
    db,
    {
      execution: parsed.execution,
      rawBody: fetched.rawText,
      bodyHash: crypto.createHash("sha256").update(fetched.rawText).digest("hex"),
      senderIp: null,
      receivedAt: new Date(),
      source: "reconcile",
    },
    config,
  );
  return { ...applied, executionId, bolnaStatus: parsed.execution.status };
}

/** Calls too old to chase: Bolna's presigned data has expired and nobody is waiting for them. */
const GIVE_UP_AFTER_MS = 7 * 24 * 3600_000;
const MAX_BACKOFF_MS = 3600_000;
const PER_SWEEP = 20;

const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** A call still open: not final, or with an attempt to come. The same words as db/schema.ts's calls_open_idx. */
const OPEN_CALL = sql.raw(
  `"calls"."status" is null or "calls"."status" not in (${TERMINAL_STATUSES.map(quoted).join(", ")}) or "calls"."next_attempt_at" is not null`,
);

/**
 * Calls without a final status whose last event (or creation) is older than `quietFor`. A call waiting for its
 * scheduled time or for Bolna's retry is not stale until that time has passed by `quietFor` too. Read through the
 * index of open calls (a handful at any time), never by scanning every call on the event loop.
 */
export function staleCallIds(db: Db, now: Date, quietFor: number, limit = PER_SWEEP): string[] {
  const quietSince = now.getTime() - quietFor;
  const rows = db.all<{ executionId: string }>(sql`
    select "execution_id" as "executionId" from "calls" indexed by "calls_open_idx"
    where (${OPEN_CALL}) and "created_at" > ${now.getTime() - GIVE_UP_AFTER_MS}
      and coalesce("last_event_at", "created_at") < ${quietSince}
      and ("next_attempt_at" is null or "next_attempt_at" < ${quietSince})
    order by coalesce("last_event_at", "created_at") limit ${limit}`);
  return rows.map((row) => row.executionId);
}

export type Reconciler = { sweep(): Promise<void> };

type ReconcilerDeps = {
  db: Db;
  client: () => Promise<BolnaClient>;
  config: () => ApplyConfig & { reconcileAfterMs: number };
  onError: (executionId: string, error: unknown) => void;
};

/**
 * Reconciles stale calls, one sweep per run of its job. A call that is still not final after a check waits twice
 * as long before the next (in memory; a restart checks again once), up to an hour.
 */
function createReconciler(deps: ReconcilerDeps): Reconciler {
  const backoff = new Map<string, { attempts: number; nextAt: number }>();

  async function sweep(): Promise<void> {
    const config = deps.config();
    const now = Date.now();
    const { db } = deps;
    for (const executionId of staleCallIds(db, new Date(now), config.reconcileAfterMs)) {
      const waiting = backoff.get(executionId);
      if (waiting && waiting.nextAt > now) continue;
      try {
        const result = await reconcileCall(db, await deps.client(), executionId, config);
        const waiting = db.select({ at: calls.nextAttemptAt }).from(calls).where(eq(calls.executionId, executionId)).get()?.at;
        if (!waiting && (isTerminalStatus(result.callStatus) || isTerminalStatus(result.bolnaStatus))) {
          backoff.delete(executionId);
          continue;
        }
      } catch (error) {
        deps.onError(executionId, error);
        // Bolna does not know the call (e.g. the demo simulator restarted): ask again only rarely.
        if (error instanceof BolnaApiError && error.status === 404) {
          backoff.set(executionId, { attempts: (waiting?.attempts ?? 0) + 1, nextAt: Date.now() + MAX_BACKOFF_MS });
          continue;
        }
      }
      const attempts = (waiting?.attempts ?? 0) + 1;
      const delay = Math.min(MAX_BACKOFF_MS, config.reconcileAfterMs * 2 ** attempts);
      backoff.set(executionId, { attempts, nextAt: Date.now() + delay });
    }
  }

  return { sweep };
}

/** How often the server looks for stale calls: half the quiet period, between 1 s and 1 min. */
export function sweepIntervalMs(reconcileAfterMs: number): number {
  return Math.min(60_000, Math.max(1_000, Math.floor(reconcileAfterMs / 2)));
}

/** The server's reconciler: Bolna as configured, the configured quiet period, failures logged per call. */
export function serverReconciler(db: Db): Reconciler {
  return createReconciler({
    db,
    client: bolnaClient,
    config: () => {
      const config = env();
      return {
        timezone: config.INTERVIEW_TIMEZONE,
        defaultCountry: config.DEFAULT_COUNTRY,
        reconcileAfterMs: config.reconcileAfterMs,
      };
    },
    onError: (executionId, error) => log().warn({ err: error, executionId }, "reconciling a call failed"),
  });
}
