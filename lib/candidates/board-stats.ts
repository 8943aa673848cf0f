import "server-only";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { callTotals, candidates } from "@/db/schema";
import { latestChangeId } from "@/lib/live/change-feed";
import { attentionCondition, type AttentionClock } from "./attention";
import type { CandidateStatus } from "@/db/values";
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

function computeStats(db: Db, clock: AttentionClock): BoardStats {
  const byStatus = statusCounts(db);
  const totals = db.select().from(callTotals).get();
  return {
    byStatus,
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    attention: db.select({ n: count() }).from(candidates).where(attentionCondition(clock)).get()?.n ?? 0,
    finishedCalls: totals?.finished ?? 0,
    answeredCalls: totals?.answered ?? 0,
    averageConversationSeconds: totals?.conversations ? totals.conversationSeconds / totals.conversations : null,
    totalCost: totals?.cost ?? 0,
  };
}

const MAX_AGE_MS = 2_000;
/** "Needs attention" also changes with the clock (an interview passes, a call goes quiet), not only with data. */
const CLOCK_AGE_MS = 30_000;
let cached: { changeId: number; at: number; stats: BoardStats } | undefined;

/**
 * The figures above the board: the status counts and the call figures are rows kept by triggers, the attention
 * count reads indexes. They are computed once per change to the data (the change feed's last id), at most every
 * two seconds under a stream of webhooks, and at least every 30 seconds.
 */
export function boardStats(db: Db, clock: AttentionClock): BoardStats {
  const changeId = latestChangeId(db);
  const now = clock.now.getTime();
  const fresh = cached && now - cached.at < CLOCK_AGE_MS && (cached.changeId === changeId || now - cached.at < MAX_AGE_MS);
  if (cached && fresh) return cached.stats;
  cached = { changeId, at: now, stats: computeStats(db, clock) };
  return cached.stats;
}
