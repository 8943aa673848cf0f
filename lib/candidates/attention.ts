import { and, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import { env } from "@/lib/env";

export type AttentionClock = { now: Date; stuckAfterMs: number };

/** Now, with RECONCILE_AFTER_MINUTES as the quiet time after which a call counts as stuck. */
export const attentionClock = (): AttentionClock => ({ now: new Date(), stuckAfterMs: env().reconcileAfterMs });

const UNANSWERED = ["pending", "calling", "no_answer"] as const;

/**
 * The rules the clock does not change, in the words of db/schema.ts's candidates_attention_idx (so that SQLite
 * reads that index): a flagged reschedule, a reschedule with no time recorded, or an unclear latest call.
 */
const SETTLED_RULES = sql.raw(
  `("candidates"."requested_interview_at" is not null or ("candidates"."status" = 'rescheduled' and "candidates"."original_interview_at" is null) or ("candidates"."status" = 'pending' and "candidates"."latest_call_unclear" = 1))`,
);

/**
 * What makes a candidate "need attention" (the board's view and its count). Each rule is something no call
 * will settle on its own:
 *
 * - stuck call: `calling` with no word from Bolna for `stuckAfterMs` (RECONCILE_AFTER_MINUTES): the webhooks
 *   were lost, or Bolna does not know the call (a recruiter can check or end it);
 * - flagged reschedule: the candidate chose a time that was full (`requestedInterviewAt`);
 * - past interview without an answer: the interview has begun and the candidate is pending, being called or
 *   never answered;
 * - unclear outcome: the candidate spoke, but neither the extraction nor their words decided anything; or they
 *   asked to move and no new time was recorded.
 */
export function attentionCondition({ now, stuckAfterMs }: AttentionClock): SQL {
  return or(
    SETTLED_RULES,
    and(eq(candidates.status, "calling"), lt(candidates.updatedAt, new Date(now.getTime() - stuckAfterMs))),
    and(lt(candidates.interviewAt, now), inArray(candidates.status, [...UNANSWERED])),
  )!;
}

const count = (query: SQL) => sql`(select count(*) from "candidates" ${query})`;

/**
 * How many candidates need attention, from three indexes and no scan of the table: the settled rules (S), the
 * stuck calls (C) and the past interviews without an answer (P) counted as |S| + |C∖S| + |P| − |P∩S| − |P∩C∖S|.
 * A stuck call is in S only through a flagged reschedule.
 */
export function countNeedingAttention(db: Pick<Db, "get">, { now, stuckAfterMs }: AttentionClock): number {
  const quietSince = now.getTime() - stuckAfterMs;
  const past = sql`"interview_at" < ${now.getTime()} and "status" in ('pending', 'calling', 'no_answer')`;
  const settled = sql`indexed by "candidates_attention_idx" where ${SETTLED_RULES}`;
  const stuckOnly = sql`indexed by "candidates_calling_idx"
    where "status" = 'calling' and "updated_at" < ${quietSince} and "requested_interview_at" is null`;
  const row = db.get<{ n: number }>(sql`select
    ${count(settled)} + ${count(stuckOnly)} + ${count(sql`where ${past}`)}
    - ${count(sql`${settled} and ${past}`)} - ${count(sql`${stuckOnly} and "interview_at" < ${now.getTime()}`)} as "n"`);
  return row?.n ?? 0;
}
