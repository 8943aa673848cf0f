import "server-only";
import { count, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { changeFeed } from "@/lib/live/change-feed";
import { CANDIDATE_STATUSES, type CandidateStatus } from "./status";

export type BoardStats = {
  byStatus: Record<CandidateStatus, number>;
  total: number;
  finishedCalls: number;
  answeredCalls: number;
  averageConversationSeconds: number | null;
  totalCost: number;
};

function computeStats(): BoardStats {
  const db = getDb();
  const byStatus = Object.fromEntries(CANDIDATE_STATUSES.map((status) => [status, 0])) as Record<CandidateStatus, number>;
  for (const row of db.select({ status: candidates.status, n: count() }).from(candidates).groupBy(candidates.status).all()) {
    byStatus[row.status] = row.n;
  }
  const callStats = db
    .select({
      finished: sql<number>`count(${calls.outcome})`,
      answered: sql<number>`count(case when ${calls.conversationSeconds} > 0 and ${calls.outcome} is not null then 1 end)`,
      averageConversation: sql<number | null>`avg(case when ${calls.conversationSeconds} > 0 then ${calls.conversationSeconds} end)`,
      cost: sql<number>`coalesce(sum(${calls.totalCost}), 0)`,
    })
    .from(calls)
    .get();
  return {
    byStatus,
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    finishedCalls: callStats?.finished ?? 0,
    answeredCalls: callStats?.answered ?? 0,
    averageConversationSeconds: callStats?.averageConversation ?? null,
    totalCost: callStats?.cost ?? 0,
  };
}

const MAX_AGE_MS = 2_000;
let cached: { changeId: number; at: number; stats: BoardStats } | undefined;

/**
 * The figures above the board. They scan every call, so they are computed once per change to the data (the
 * change feed's last id) and at most every two seconds under a stream of webhooks.
 */
export function boardStats(): BoardStats {
  const changeId = changeFeed().latestId();
  const now = Date.now();
  if (cached && (cached.changeId === changeId || now - cached.at < MAX_AGE_MS)) return cached.stats;
  cached = { changeId, at: now, stats: computeStats() };
  return cached.stats;
}
