import { and, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import { env } from "@/lib/env";

/** The board's clock: now, the quiet time after which a call counts as stuck, and the team's zone (its days). */
export type AttentionClock = { now: Date; stuckAfterMs: number; zone: string };

/** Now, with RECONCILE_AFTER_MINUTES as the quiet time, and INTERVIEW_TIMEZONE as the zone of the board's days. */
export const attentionClock = (): AttentionClock => ({
  now: new Date(),
  stuckAfterMs: env().reconcileAfterMs,
  zone: env().INTERVIEW_TIMEZONE,
});

const UNANSWERED = ["pending", "calling", "no_answer"] as const;

/**
 * The rules the clock does not change, in the words of db/schema.ts's candidates_attention_idx (so that SQLite
 * reads that index): a flagged reschedule, a call's reschedule with no time recorded, or an unclear latest call.
 */
const SETTLED_RULES = sql.raw(
  `("candidates"."requested_interview_at" is not null or ("candidates"."status" = 'rescheduled' and "candidates"."original_interview_at" is null and ("candidates"."status_event" is null or "candidates"."status_event" in ('call_outcome', 'reminder_answer'))) or ("candidates"."status" = 'pending' and "candidates"."latest_call_unclear" = 1))`,
);

/** A call with no word from Bolna since `quietSince`, past the time a waiting call was to ring. */
const stuckCall = (quietSince: Date) =>
  and(
    eq(candidates.status, "calling"),
    lt(candidates.updatedAt, quietSince),
    or(isNull(candidates.nextAttemptAt), lt(candidates.nextAttemptAt, quietSince)),
  );

/**
 * What makes a candidate "need attention" (the board's view and its count). Each rule is something no call
 * will settle on its own:
 *
 * - stuck call: `calling` with no word from Bolna for `stuckAfterMs` (RECONCILE_AFTER_MINUTES) — past the time a
 *   waiting call was to ring, for a scheduled call or a retry: the webhooks were lost, or Bolna does not know the
 *   call (a recruiter can check or end it);
 * - flagged reschedule: the candidate chose a time that was full (`requestedInterviewAt`);
 * - past interview without an answer: the interview has begun and the candidate is pending, being called or
 *   never answered;
 * - unclear outcome: the candidate spoke, but neither the extraction nor their words decided anything; or they
 *   asked to move on a call and no new time was recorded.
 */
export function attentionCondition({ now, stuckAfterMs }: AttentionClock): SQL {
  return or(
    SETTLED_RULES,
    stuckCall(new Date(now.getTime() - stuckAfterMs)),
    and(lt(candidates.interviewAt, now), inArray(candidates.status, [...UNANSWERED])),
  )!;
}

const count = (query: SQL) => sql`(select count(*) from "candidates" ${query})`;

/**
 * How many candidates need attention (with interviews on `days`, when given), from three indexes and no scan of
 * the table: the settled rules (S), the stuck calls (C) and the past interviews without an answer (P) counted as
 * |S| + |C∖S| + |P| − |P∩S| − |P∩C∖S|. A stuck call is in S only through a flagged reschedule.
 */
export function countNeedingAttention(db: Pick<Db, "get">, { now, stuckAfterMs }: AttentionClock, days?: SQL): number {
  const quietSince = now.getTime() - stuckAfterMs;
  const within = days ? sql` and ${days}` : sql``;
  const past = sql`"interview_at" < ${now.getTime()} and "status" in ('pending', 'calling', 'no_answer')${within}`;
  const settled = sql`indexed by "candidates_attention_idx" where ${SETTLED_RULES}${within}`;
  const stuckOnly = sql`indexed by "candidates_calling_idx"
    where "status" = 'calling' and "updated_at" < ${quietSince} and "requested_interview_at" is null
    and ("next_attempt_at" is null or "next_attempt_at" < ${quietSince})${within}`;
  const row = db.get<{ n: number }>(sql`select
    ${count(settled)} + ${count(stuckOnly)} + ${count(sql`where ${past}`)}
    - ${count(sql`${settled} and ${past}`)} - ${count(sql`${stuckOnly} and "interview_at" < ${now.getTime()}`)} as "n"`);
  return row?.n ?? 0;
}
