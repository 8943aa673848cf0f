import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { calls, reconfirmations, selfServiceLinks, type Candidate } from "@/db/schema";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { env } from "@/lib/env";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { reconfirmationDueAt } from "./reconfirmation-time";

// Prepared once per connection: the board asks these for every row it shows.
const statements = preparedFor((db) => ({
  reconfirmation: db
    .select({
      state: reconfirmations.state,
      reason: reconfirmations.reason,
      executionId: reconfirmations.executionId,
      callAt: reconfirmations.callAt,
      callStatus: calls.status,
      outcome: calls.outcome,
      nextAttemptAt: calls.nextAttemptAt,
    })
    .from(reconfirmations)
    .leftJoin(calls, eq(calls.executionId, reconfirmations.executionId))
    .where(
      and(
        eq(reconfirmations.candidateId, sql.placeholder("candidateId")),
        eq(reconfirmations.interviewAt, sql.placeholder("interviewAt")),
      ),
    )
    .prepare(),
  latestLink: db
    .select()
    .from(selfServiceLinks)
    .where(eq(selfServiceLinks.candidateId, sql.placeholder("candidateId")))
    .orderBy(desc(selfServiceLinks.id))
    .limit(1)
    .prepare(),
}));

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

type Subject = Pick<Candidate, "id" | "status" | "interviewAt" | "timeZone" | "phone">;

/**
 * `withDueAt: false` (the board, a row at a time) leaves out when a planned reminder is due: working that out in the
 * candidate's zone costs more than the rest of the row. A planned reminder is then `scheduled` without `dueAt`.
 */
export function reconfirmationSummary(db: Db, candidate: Subject, now: Date, withDueAt = true): ReconfirmationSummary {
  const config = env();
  const none = { dueAt: null, reason: null, executionId: null, outcome: null };
  const row = statements(db).reconfirmation.get({ candidateId: candidate.id, interviewAt: candidate.interviewAt.getTime() });
  if (row) {
    const base = { ...none, reason: row.reason, executionId: row.executionId, dueAt: row.callAt };
    if (row.state !== "placed") return { ...base, state: row.state };
    if (row.nextAttemptAt || !isTerminalStatus(row.callStatus)) return { ...base, state: "calling" };
    const answered = row.outcome !== null && ANSWERS.has(row.outcome);
    return { ...base, state: answered ? "answered" : "not_reached", outcome: row.outcome };
  }
  if (config.RECONFIRM_HOURS_BEFORE <= 0) return { ...none, state: "off" };
  const confirmed = candidate.status === "confirmed" || candidate.status === "rescheduled";
  if (!confirmed || candidate.interviewAt <= now) return { ...none, state: "none" };
  if (!withDueAt) return { ...none, state: "scheduled" };
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const dueAt = reconfirmationDueAt(candidate.interviewAt, config.RECONFIRM_HOURS_BEFORE, zone, config.callingHours);
  return { ...none, state: dueAt > now ? "scheduled" : "due", dueAt };
}

export function selfServiceSummary(db: Db, candidateId: number, now: Date): SelfServiceSummary {
  const link = statements(db).latestLink.get({ candidateId });
  if (!link) return { state: "none", expiresAt: null, changesUsed: 0, maxChanges: null, lastUsedAt: null, createdAt: null };
  const state = link.revokedAt
    ? "revoked"
    : link.expiresAt <= now
      ? "expired"
      : link.changesUsed >= link.maxChanges
        ? "used_up"
        : link.changesUsed > 0 || link.lastUsedAt !== null
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
export function reachJson(db: Db, candidate: Candidate, now = new Date()) {
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
