import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callTotals, candidates } from "@/db/schema";
import { latestChangeId } from "@/lib/live/change-feed";
import { countNeedingAttention, type AttentionClock } from "./attention";
import type { DayRange } from "./interview-dates";
import { interviewDayCondition } from "./query-candidates";
import { CANDIDATE_STATUSES, type CandidateStatus } from "@/db/values";
import { statusCounts } from "./status-counts";

export type BoardStats = {
  byStatus: Record<CandidateStatus, number>;
  total: number;
  /** Candidates that need attention (lib/candidates/attention.ts). */
  attention: number;
  finishedCalls: number;
  answeredCalls: number;
  averageConversationSeconds: number | null;
  totalCost: number;
};

/**
 * Candidates per status with an interview in the day range: one count per status, each a range of the status and
 * interview index read without touching the table (a GROUP BY would read every row of the range).
 */
function statusCountsIn(db: Db, range: DayRange, zone: string): Record<CandidateStatus, number> {
  const days = interviewDayCondition(range, zone);
  const counted = (status: CandidateStatus) =>
    db
      .select({ n: count() })
      .from(candidates)
      .where(and(eq(candidates.status, status), days))
      .get()?.n ?? 0;
  return Object.fromEntries(CANDIDATE_STATUSES.map((status) => [status, counted(status)])) as Record<CandidateStatus, number>;
}

function computeStats(db: Db, clock: AttentionClock, range: DayRange): BoardStats {
  const filtered = Boolean(range.interviewFrom || range.interviewTo);
  const byStatus = filtered ? statusCountsIn(db, range, clock.zone) : statusCounts(db);
  const totals = db.select().from(callTotals).get();
  return {
    byStatus,
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    attention: countNeedingAttention(db, clock, interviewDayCondition(range, clock.zone)),
    finishedCalls: totals?.finished ?? 0,
    answeredCalls: totals?.answered ?? 0,
    averageConversationSeconds: totals?.conversations ? totals.conversationSeconds / totals.conversations : null,
    totalCost: totals?.cost ?? 0,
  };
}

const MAX_AGE_MS = 2_000;
/** "Needs attention" also changes with the clock (an interview passes, a call goes quiet), not only with data. */
const CLOCK_AGE_MS = 30_000;
let cached: { key: string; changeId: number; at: number; stats: BoardStats } | undefined;

/**
 * The figures above the board, for the interview days it shows (all of them when it filters none): the status
 * counts and the call figures are rows kept by triggers, or index ranges for a day filter; the attention count
 * reads indexes. They are computed once per change to the data (the change feed's last id), at most every two
 * seconds under a stream of webhooks, and at least every 30 seconds.
 */
export function boardStats(db: Db, clock: AttentionClock, range: DayRange = {}): BoardStats {
  const changeId = latestChangeId(db);
  const now = clock.now.getTime();
  const key = `${clock.zone} ${range.interviewFrom ?? ""} ${range.interviewTo ?? ""}`;
  const fresh =
    cached?.key === key && now - cached.at < CLOCK_AGE_MS && (cached.changeId === changeId || now - cached.at < MAX_AGE_MS);
  if (cached && fresh) return cached.stats;
  cached = { key, changeId, at: now, stats: computeStats(db, clock, range) };
  return cached.stats;
}
