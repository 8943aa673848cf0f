import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { env } from "@/lib/env";
import { foldDays } from "./day-cache";
import { pauseAfterWrite } from "@/db/write-pause";

/** analytics_candidates' columns, which its `_source` view yields under the same names. */
export const CANDIDATE_FACTS =
  "candidate_id, position, first_called_at, calls, cost, reached, attempts_to_reach, confirmed, declined, attended, no_show";

/** Candidates per transaction: a few milliseconds of the thread that folds, whatever the backlog. */
const BATCH = 200;

const FACTS = CANDIDATE_FACTS.split(", ");
/** The one fact analytics_funnel's triggers do not add up (db/migrations/*_analytics_fold_sql.sql). */
const CALLS = FACTS.indexOf("calls");

const statements = preparedFor((db) => {
  const sqlite = db.$client;
  const pick = sqlite.prepare("SELECT candidate_id FROM analytics_dirty LIMIT ?").pluck();
  const fresh = sqlite.prepare(`SELECT ${CANDIDATE_FACTS} FROM analytics_candidates_source WHERE candidate_id = ?`).raw();
  const stored = sqlite.prepare(`SELECT ${CANDIDATE_FACTS} FROM analytics_candidates WHERE candidate_id = ?`).raw();
  const forget = sqlite.prepare("DELETE FROM analytics_candidates WHERE candidate_id = ?");
  const insert = sqlite.prepare(
    `INSERT INTO analytics_candidates (${CANDIDATE_FACTS}) VALUES (${FACTS.map(() => "?").join(", ")})`,
  );
  const setCalls = sqlite.prepare("UPDATE analytics_candidates SET calls = ? WHERE candidate_id = ?");
  const unmark = sqlite.prepare("DELETE FROM analytics_dirty WHERE candidate_id = ?");
  const backlog = sqlite.prepare("SELECT count(*) FROM (SELECT 1 FROM analytics_dirty LIMIT ?)").pluck();

  /**
   * One candidate's row recounted from its view. Only a change the funnel adds up goes through its triggers
   * (delete, then insert: they take the old row back and add the new one) and marks the day of the first call for
   * a recount: most marks (a new call, a call that went on) change the number of calls only, or nothing.
   */
  const refold = (id: number) => {
    const now = fresh.get(id) as unknown[] | undefined;
    const was = stored.get(id) as unknown[] | undefined;
    const changed = FACTS.flatMap((_, i) => (now?.[i] === was?.[i] ? [] : [i]));
    if (changed.length === 0) return;
    if (now && was && changed.length === 1 && changed[0] === CALLS) return setCalls.run(now[CALLS], id);
    if (was) forget.run(id);
    if (now) insert.run(...now);
  };
  // Immediate: it reads the marks, then writes; a mark made meanwhile by another process waits for the commit.
  const fold = sqlite.transaction((limit: number) => {
    const ids = pick.all(limit) as number[];
    for (const id of ids) {
      refold(id);
      unmark.run(id);
    }
    return ids.length;
  });
  return { fold: (limit: number) => fold.immediate(limit), backlog };
});

/**
 * Folds the candidates that writes have marked (analytics_dirty) into analytics_candidates, recomputing each
 * one's funnel row from its view, in transactions of BATCH candidates with the lock free in between; then
 * brings the day rollups of the team's `zone` up to date (lib/analytics/day-cache.ts). Writers only mark
 * (db/migrations/*_analytics_fold_sql.sql), so a delivery never pays for the recount; the figures are a fold
 * behind, which the start-up has the webhook's writer thread run every second. Returns how many it folded.
 */
export async function foldAnalytics(db: Db, zone = env().INTERVIEW_TIMEZONE): Promise<number> {
  let folded = 0;
  for (;;) {
    const started = performance.now();
    const count = statements(db).fold(BATCH);
    folded += count;
    if (count < BATCH) break;
    await pauseAfterWrite(started);
  }
  await foldDays(db, zone);
  return folded;
}

/** How many candidates still wait to be folded, counted up to `cap` (the page says so when it is not 0). */
export function analyticsBacklog(db: Db, cap = 10_000): number {
  return statements(db).backlog.get(cap) as number;
}
