import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, reconfirmations, type Candidate } from "@/db/schema";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { env } from "@/lib/env";
import { latestLink } from "@/lib/self-service/links";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { reconfirmationDueAt } from "./reconfirmation-time";

type Reader = Pick<Db, "select">;

/**
 * Where the reminder call for the candidate's current interview stands: `off` (RECONFIRM_HOURS_BEFORE=0),
 * `none` (not confirmed, or the interview is over), `scheduled` (due at `dueAt`), `due` (the scheduler takes it
 * within seconds), `calling`, `answered` (with the call's outcome), `not_reached`, `skipped` or `failed` (with
 * the reason).
 */
export type ReconfirmationSummary = {
  state: "off" | "none" | "scheduled" | "due" | "calling" | "answered" | "not_reached" | "skipped" | "failed";
  dueAt: Date | null;
  reason: string | null;
  executionId: string | null;
  outcome: string | null;
};

/** The candidate's newest self-service link: `none`, `sent` (unused), `used`, `used_up`, `expired`, `revoked`. */
export type SelfServiceSummary = {
  state: "none" | "sent" | "used" | "used_up" | "expired" | "revoked";
  expiresAt: Date | null;
  changesUsed: number;
  maxChanges: number | null;
  lastUsedAt: Date | null;
  createdAt: Date | null;
};

const ANSWERS = new Set(["confirmed", "declined", "rescheduled"]);

export function reconfirmationSummary(db: Reader, candidate: Candidate, now: Date): ReconfirmationSummary {
  const config = env();
  const none = { dueAt: null, reason: null, executionId: null, outcome: null };
  const row = db
    .select()
    .from(reconfirmations)
    .where(and(eq(reconfirmations.candidateId, candidate.id), eq(reconfirmations.interviewAt, candidate.interviewAt)))
    .get();
  if (row) {
    const base = { ...none, reason: row.reason, executionId: row.executionId, dueAt: row.callAt };
    if (row.state !== "placed") return { ...base, state: row.state };
    const call = row.executionId
      ? db
          .select({ status: calls.status, outcome: calls.outcome, nextAttemptAt: calls.nextAttemptAt })
          .from(calls)
          .where(eq(calls.executionId, row.executionId))
          .get()
      : undefined;
    if (!call || call.nextAttemptAt || !isTerminalStatus(call.status)) return { ...base, state: "calling" };
    const answered = call.outcome !== null && ANSWERS.has(call.outcome);
    return { ...base, state: answered ? "answered" : "not_reached", outcome: call.outcome };
  }
  if (config.RECONFIRM_HOURS_BEFORE <= 0) return { ...none, state: "off" };
  const confirmed = candidate.status === "confirmed" || candidate.status === "rescheduled";
  if (!confirmed || candidate.interviewAt <= now) return { ...none, state: "none" };
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const dueAt = reconfirmationDueAt(candidate.interviewAt, config.RECONFIRM_HOURS_BEFORE, zone, config.callingHours);
  return { ...none, state: dueAt > now ? "scheduled" : "due", dueAt };
}

export function selfServiceSummary(db: Reader, candidateId: number, now: Date): SelfServiceSummary {
  const link = latestLink(db, candidateId);
  if (!link) return { state: "none", expiresAt: null, changesUsed: 0, maxChanges: null, lastUsedAt: null, createdAt: null };
  const state = link.revokedAt
    ? "revoked"
    : link.expiresAt <= now
      ? "expired"
      : link.changesUsed >= link.maxChanges
        ? "used_up"
        : link.changesUsed > 0
          ? "used"
          : "sent";
  return {
    state,
    expiresAt: link.expiresAt,
    changesUsed: link.changesUsed,
    maxChanges: link.maxChanges,
    lastUsedAt: link.lastUsedAt,
    createdAt: link.createdAt,
  };
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The candidate JSON's reach fields (GET /api/candidates/{id}). */
export function reachJson(db: Reader, candidate: Candidate, now = new Date()) {
  const reconfirmation = reconfirmationSummary(db, candidate, now);
  const selfService = selfServiceSummary(db, candidate.id, now);
  return {
    reconfirmation: { ...reconfirmation, dueAt: iso(reconfirmation.dueAt) },
    selfService: {
      ...selfService,
      expiresAt: iso(selfService.expiresAt),
      lastUsedAt: iso(selfService.lastUsedAt),
      createdAt: iso(selfService.createdAt),
    },
  };
}
