import { and, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { calls, candidates } from "@/db/schema";
import { env } from "@/lib/env";

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
export const ATTENTION_KINDS = ["stuck_call", "flagged_reschedule", "past_unanswered", "unclear_outcome"] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export type AttentionClock = { now: Date; stuckAfterMs: number };

/** Now, with RECONCILE_AFTER_MINUTES as the quiet time after which a call counts as stuck. */
export const attentionClock = (): AttentionClock => ({ now: new Date(), stuckAfterMs: env().reconcileAfterMs });

const UNANSWERED = ["pending", "calling", "no_answer"] as const;

// The latest call ended after a conversation that decided nothing.
const unclearCall = sql`(select ${calls.id} from ${calls} where ${calls.outcome} = 'pending' and ${calls.conversationSeconds} > 0)`;

export function attentionCondition({ now, stuckAfterMs }: AttentionClock): SQL {
  return or(
    and(eq(candidates.status, "calling"), lt(candidates.updatedAt, new Date(now.getTime() - stuckAfterMs))),
    isNotNull(candidates.requestedInterviewAt),
    and(lt(candidates.interviewAt, now), inArray(candidates.status, [...UNANSWERED])),
    and(eq(candidates.status, "pending"), inArray(candidates.latestCallId, unclearCall)),
    and(eq(candidates.status, "rescheduled"), isNull(candidates.originalInterviewAt), isNull(candidates.requestedInterviewAt)),
  )!;
}

type Row = {
  status: string;
  updatedAt: Date;
  interviewAt: Date;
  originalInterviewAt: Date | null;
  requestedInterviewAt: Date | null;
};

/** The same rules for one candidate (`unclearCall`: its latest call ended undecided after a conversation). */
export function attentionKinds(row: Row, clock: AttentionClock, unclearCall: boolean): AttentionKind[] {
  const kinds: AttentionKind[] = [];
  if (row.status === "calling" && row.updatedAt.getTime() < clock.now.getTime() - clock.stuckAfterMs) kinds.push("stuck_call");
  if (row.requestedInterviewAt) kinds.push("flagged_reschedule");
  if (row.interviewAt.getTime() < clock.now.getTime() && (UNANSWERED as readonly string[]).includes(row.status))
    kinds.push("past_unanswered");
  const noNewTime = row.status === "rescheduled" && !row.originalInterviewAt && !row.requestedInterviewAt;
  if ((row.status === "pending" && unclearCall) || noNewTime) kinds.push("unclear_outcome");
  return kinds;
}
