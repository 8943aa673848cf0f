import type Database from "better-sqlite3";

/**
 * Refills the board's status counts and the analytics rollups from the views that define them
 * (db/migrations/*_insight_sql.sql), for a database loaded in bulk with the triggers off (bench/seed-large.ts).
 * analytics_funnel_daily refills itself: its trigger adds up each analytics_candidates row as it goes in.
 * Run it in a transaction of the caller's.
 */
export function rebuildAnalytics(sqlite: Pick<Database.Database, "exec">): void {
  sqlite.exec(`
    DELETE FROM candidate_status_counts;
    INSERT INTO candidate_status_counts (status, count) SELECT status, count FROM candidate_status_counts_source;
    DELETE FROM analytics_funnel_daily;
    DELETE FROM analytics_candidates;
    INSERT INTO analytics_candidates SELECT * FROM analytics_candidates_source;
    DELETE FROM analytics_calls_hourly;
    INSERT INTO analytics_calls_hourly SELECT * FROM analytics_calls_hourly_source;
    DELETE FROM analytics_slots;
    INSERT INTO analytics_slots SELECT * FROM analytics_slots_source;
  `);
}
