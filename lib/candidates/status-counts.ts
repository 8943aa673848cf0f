import type { Db } from "@/db/client";
import { candidateStatusCounts } from "@/db/schema";
import { CANDIDATE_STATUSES, type CandidateStatus } from "@/db/values";

/**
 * Candidates per status, from the counts the triggers keep (db/migrations/*_insight_sql.sql): a million rows
 * are not counted on every board view.
 */
export function statusCounts(db: Pick<Db, "select">): Record<CandidateStatus, number> {
  const counts = Object.fromEntries(CANDIDATE_STATUSES.map((status) => [status, 0])) as Record<CandidateStatus, number>;
  for (const row of db.select().from(candidateStatusCounts).all()) counts[row.status] = row.count;
  return counts;
}
