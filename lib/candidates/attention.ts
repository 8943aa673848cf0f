import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { calls, candidates } from "@/db/schema";
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

// The latest call ended after a conversation that decided nothing.
const unclearCall = sql`(select ${calls.id} from ${calls} where ${calls.outcome} = 'pending' and ${calls.conversationSeconds} > 0)`;

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
 *   asked to move and no new time was recorded.
 */
export function attentionCondition({ now, stuckAfterMs }: AttentionClock): SQL {
  const quietSince = new Date(now.getTime() - stuckAfterMs);
  return or(
    and(
      eq(candidates.status, "calling"),
      lt(candidates.updatedAt, quietSince),
      or(isNull(candidates.nextAttemptAt), lt(candidates.nextAttemptAt, quietSince)),
    ),
    isNotNull(candidates.requestedInterviewAt),
    and(lt(candidates.interviewAt, now), inArray(candidates.status, [...UNANSWERED])),
    and(eq(candidates.status, "pending"), inArray(candidates.latestCallId, unclearCall)),
    and(
      eq(candidates.status, "rescheduled"),
      isNull(candidates.originalInterviewAt),
      isNull(candidates.requestedInterviewAt),
      or(isNull(candidates.statusEvent), inArray(candidates.statusEvent, ["call_outcome", "reminder_answer"])),
    ),
  )!;
}
