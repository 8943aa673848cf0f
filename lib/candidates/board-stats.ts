import "server-only";
import type { Db } from "@/db/client";
import { callTotals } from "@/db/schema";
import { latestChangeId } from "@/lib/live/change-feed";
import type { CandidateStatus } from "./status";
import { statusCounts } from "./status-counts";

export type BoardStats = {
  byStatus: Record<CandidateStatus, number>;
  total: number;
  finishedCalls: number;
  answeredCalls: number;
  averageConversationSeconds: number | null;
  totalCost: number;
};

function computeStats(db: Db): BoardStats {
  const byStatus = statusCounts(db);
  const totals = db.select().from(callTotals).get();
  return {
    byStatus,
    total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    finishedCalls: totals?.finished ?? 0,
    answeredCalls: totals?.answered ?? 0,
    averageConversationSeconds: totals?.conversations ? totals.conversationSeconds / totals.conversations : null,
    totalCost: totals?.cost ?? 0,
  };
}

const MAX_AGE_MS = 2_000;
let cached: { changeId: number; at: number; stats: BoardStats } | undefined;

/**
 * The figures above the board: the status counts and the call figures are rows kept by triggers. They
 * are computed once per change to the data (the change feed's last id), and at most every two seconds under a
 * stream of webhooks.
 */
export function boardStats(db: Db): BoardStats {
  const changeId = latestChangeId(db);
  const now = Date.now();
  if (cached && (cached.changeId === changeId || now - cached.at < MAX_AGE_MS)) return cached.stats;
  cached = { changeId, at: now, stats: computeStats(db) };
  return cached.stats;
}
