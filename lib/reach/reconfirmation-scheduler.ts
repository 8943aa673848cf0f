import { and, asc, eq, gt, inArray, lte, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, reconfirmations, type Candidate } from "@/db/schema";
import { BolnaApiError } from "@/lib/bolna/bolna-http-error";
import type { BolnaClient } from "@/lib/bolna/client";
import type { RetryConfig } from "@/db/values";
import { configuredRetryConfig } from "@/lib/calls/call-settings";
import { placeCandidateCall } from "@/lib/calls/place-call";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { scheduleFor, type CallingHours } from "@/lib/time/calling-hours";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { RECONFIRM_MIN_LEAD_MS, reconfirmationDueAt } from "./reconfirmation-time";

const HOUR_MS = 3600_000;
const PER_TICK = 20;
// reconfirmationDueAt looks back at most a week (and a day) for an allowed calling time.
const SEARCH_BACK_MS = 8 * 24 * HOUR_MS;
const RECONFIRMATION_ACTOR = "reminder scheduler";

type ReconfirmationConfig = {
  hoursBefore: number;
  fallbackZone: string;
  callingHours: CallingHours;
  retryConfig: RetryConfig | null;
};

type Due = { candidate: Candidate; zone: string } | { skip: string; candidate: Candidate };

/**
 * Confirmed or rescheduled candidates with an interview ahead and no reminder yet for that interview time, the
 * soonest first (they fall due first). The status and interview index serves it.
 */
function candidatesToLookAt(db: Db, now: Date, hoursBefore: number): Candidate[] {
  const already = db
    .select({ one: sql`1` })
    .from(reconfirmations)
    .where(and(eq(reconfirmations.candidateId, candidates.id), eq(reconfirmations.interviewAt, candidates.interviewAt)));
  return db
    .select()
    .from(candidates)
    .where(
      and(
        inArray(candidates.status, ["confirmed", "rescheduled"]),
        eq(candidates.doNotCall, false),
        gt(candidates.interviewAt, now),
        lte(candidates.interviewAt, new Date(now.getTime() + hoursBefore * HOUR_MS + SEARCH_BACK_MS)),
        notExists(already),
      ),
    )
    .orderBy(asc(candidates.interviewAt))
    .limit(PER_TICK * 5)
    .all();
}

/** Whether the candidate's reminder is due now, to be skipped, or not yet (undefined). */
function judge(candidate: Candidate, now: Date, config: ReconfirmationConfig): Due | undefined {
  const zone = candidateZone(candidate, config.fallbackZone);
  const windowStart = new Date(candidate.interviewAt.getTime() - config.hoursBefore * HOUR_MS);
  if (now < reconfirmationDueAt(candidate.interviewAt, config.hoursBefore, zone, config.callingHours)) return undefined;
  // They answered (confirmed, moved the interview) within the reminder window: asking again would only annoy.
  if (candidate.statusChangedAt >= windowStart) {
    return { candidate, skip: `Answered within ${config.hoursBefore} hours of the interview` };
  }
  const ringsAt = scheduleFor(now, zone, config.callingHours) ?? now;
  if (candidate.interviewAt.getTime() - ringsAt.getTime() < RECONFIRM_MIN_LEAD_MS) {
    return {
      candidate,
      skip: `Too close: the earliest allowed calling time (${formatInstant(ringsAt, zone)}) is less than 2 hours before the interview`,
    };
  }
  return { candidate, zone };
}

/** Claims the reminder for this interview time; false when another process (or an earlier tick) already did. */
function claim(db: Db, candidate: Candidate, state: "placed" | "skipped", reason: string | null, now: Date): number | null {
  const row = db
    .insert(reconfirmations)
    .values({ candidateId: candidate.id, interviewAt: candidate.interviewAt, state, reason, createdAt: now })
    .onConflictDoNothing()
    .returning({ id: reconfirmations.id })
    .get();
  return row?.id ?? null;
}

async function remind(db: Db, client: BolnaClient, candidate: Candidate, config: ReconfirmationConfig, now: Date): Promise<void> {
  const id = claim(db, candidate, "placed", null, now);
  if (id === null) return;
  try {
    const placed = await placeCandidateCall(db, client, candidate.id, {
      placedBy: RECONFIRMATION_ACTOR,
      actorLabel: RECONFIRMATION_ACTOR,
      timezone: config.fallbackZone,
      callingHours: config.callingHours,
      retryConfig: config.retryConfig,
      purpose: "reconfirmation",
    });
    const call = placed.candidate?.nextAttemptAt ?? now;
    db.update(reconfirmations).set({ executionId: placed.executionId, callAt: call }).where(eq(reconfirmations.id, id)).run();
  } catch (error) {
    // Another call is going on: the claim is given back and the reminder tried again on a later tick.
    if (error instanceof ApiError && error.code === "call_in_progress") {
      db.delete(reconfirmations).where(eq(reconfirmations.id, id)).run();
      return;
    }
    const mayHaveCalled = error instanceof BolnaApiError && error.bolna.mayHavePlacedCall;
    const reason = error instanceof ApiError ? error.message : "Something went wrong on our side.";
    db.update(reconfirmations)
      .set({ state: "failed", reason: mayHaveCalled ? `${reason} (the candidate may still be called)` : reason })
      .where(eq(reconfirmations.id, id))
      .run();
    if (!(error instanceof ApiError)) log().error({ err: error, candidateId: candidate.id }, "placing a reminder call failed");
  }
}

/**
 * One pass: every confirmed or rescheduled candidate whose reminder is due gets one call (purpose
 * `reconfirmation`) through the same path as "Call now", calling hours included; a reminder that cannot ring at
 * least two hours before the interview, or that the candidate made moot by answering within the window, is
 * recorded as skipped. The unique (candidate, interview time) row makes it at most one per interview time.
 */
export async function runReconfirmations(
  db: Db,
  client: () => Promise<BolnaClient>,
  config: ReconfirmationConfig,
  now = new Date(),
) {
  if (config.hoursBefore <= 0) return;
  let placed = 0;
  for (const candidate of candidatesToLookAt(db, now, config.hoursBefore)) {
    const due = judge(candidate, now, config);
    if (!due) continue;
    if ("skip" in due) {
      claim(db, candidate, "skipped", due.skip, now);
      continue;
    }
    await remind(db, await client(), due.candidate, config, now);
    if (++placed >= PER_TICK) return;
  }
}

/** The configuration's reminder settings (RECONFIRM_HOURS_BEFORE; 0 turns reminders off). */
export function configuredReconfirmations(): ReconfirmationConfig {
  const config = env();
  return {
    hoursBefore: config.RECONFIRM_HOURS_BEFORE,
    fallbackZone: config.INTERVIEW_TIMEZONE,
    callingHours: config.callingHours,
    retryConfig: configuredRetryConfig(),
  };
}
