import Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, statusChanges, webhookEvents } from "@/db/schema";

/** True when the hardening suite runs its long variants (`LONG=1`, `npm run test:long`). */
export const LONG = process.env.LONG === "1";

/** A fast-check seed: FC_SEED when given (to replay a failure), else a fresh one. Printed by every property. */
export function seedFor(label: string): number {
  const given = process.env.FC_SEED;
  const seed = given !== undefined && given !== "" ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  console.log(`[hardening] ${label}: seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** One call row without ids, keys and clocks: what a person (or the API) sees of it. */
function callView(row: typeof calls.$inferSelect) {
  return {
    status: row.status,
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    transcript: row.transcript,
    summary: row.summary,
    recordingUrl: row.recordingUrl,
    durationSeconds: row.durationSeconds,
    conversationSeconds: row.conversationSeconds,
    totalCost: row.totalCost,
    hangupBy: row.hangupBy,
    hangupReason: row.hangupReason,
    errorMessage: row.errorMessage,
    extractedData: row.extractedData,
    bolnaCreatedAt: iso(row.bolnaCreatedAt),
    bolnaUpdatedAt: iso(row.bolnaUpdatedAt),
    attempt: row.attempt,
    answeredByVoicemail: row.answeredByVoicemail,
    retryHistory: row.retryHistory,
    scheduledAt: iso(row.scheduledAt),
    nextAttemptAt: iso(row.nextAttemptAt),
  };
}

/** The recording URL names the execution; make it comparable across two executions of the same lifecycle. */
export function callViewAnonymous(row: typeof calls.$inferSelect) {
  const view = callView(row);
  return { ...view, recordingUrl: view.recordingUrl?.replace(row.executionId, "<execution>") ?? null };
}

export function candidateRow(db: Db, candidateId: number) {
  const row = db.select().from(candidates).where(eq(candidates.id, candidateId)).get();
  if (!row) throw new Error(`candidate ${candidateId} is gone`);
  return row;
}

export function candidateView(db: Db, candidateId: number) {
  const row = candidateRow(db, candidateId);
  return {
    status: row.status,
    statusReason: row.statusReason,
    interviewAt: iso(row.interviewAt),
    originalInterviewAt: iso(row.originalInterviewAt),
    requestedInterviewAt: iso(row.requestedInterviewAt),
    callStatus: row.callStatus,
    lastCallAt: iso(row.lastCallAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    nextAttemptNumber: row.nextAttemptNumber,
  };
}

export function callRow(db: Db, executionId: string) {
  return db.select().from(calls).where(eq(calls.executionId, executionId)).get();
}

export function auditRows(db: Db, candidateId: number) {
  return db.select().from(statusChanges).where(eq(statusChanges.candidateId, candidateId)).orderBy(asc(statusChanges.id)).all();
}

export function eventRows(db: Db, executionId: string) {
  return db.select().from(webhookEvents).where(eq(webhookEvents.executionId, executionId)).orderBy(asc(webhookEvents.id)).all();
}

/** An audit entry records a real change: another status, or another interview time. */
export function isRealChange(entry: typeof statusChanges.$inferSelect): boolean {
  const interviewMoved =
    entry.toInterviewAt !== null &&
    (entry.fromInterviewAt === null || entry.fromInterviewAt.getTime() !== entry.toInterviewAt.getTime());
  return entry.fromStatus !== entry.toStatus || interviewMoved;
}

/** `PRAGMA integrity_check` on a closed database file, opened read-only so that nothing is repaired or written. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join("\n");
  } finally {
    db.close();
  }
}
