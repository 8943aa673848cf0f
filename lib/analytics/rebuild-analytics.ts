import type Database from "better-sqlite3";
import { CANDIDATE_FACTS } from "./fold-analytics";

/**
 * Refills the board's status counts and the analytics rollups from the views that define them
 * (db/migrations/*_analytics_fold_sql.sql, *_insight_sql.sql), for a database loaded in bulk with the triggers
 * off (bench/seed-large.ts). analytics_funnel refills itself: its trigger adds up each analytics_candidates row
 * as it goes in; nothing is left to fold. The day rollups are emptied: the server's first fold refills them for
 * its zone (lib/analytics/day-cache.ts). Run it in a transaction of the caller's.
 */
export function rebuildAnalytics(sqlite: Pick<Database.Database, "exec">): void {
  sqlite.exec(`
    DELETE FROM candidate_status_counts;
    INSERT INTO candidate_status_counts (status, count) SELECT status, count FROM candidate_status_counts_source;
    DELETE FROM analytics_dirty;
    DELETE FROM analytics_funnel;
    DELETE FROM analytics_candidates;
    INSERT INTO analytics_candidates (${CANDIDATE_FACTS}) SELECT ${CANDIDATE_FACTS} FROM analytics_candidates_source;
    DELETE FROM analytics_call_hours;
    INSERT INTO analytics_call_hours (quarter_hour, position, local_hour, finished, answered)
      SELECT quarter_hour, position, local_hour, finished, answered FROM analytics_call_hours_source;
    DELETE FROM analytics_slots;
    INSERT INTO analytics_slots SELECT * FROM analytics_slots_source;
    DELETE FROM analytics_days_zone;
    DELETE FROM analytics_funnel_days;
    DELETE FROM analytics_call_hours_days;
    DELETE FROM analytics_dirty_quarters;
  `);
}
