-- The analytics rollups leave the writer's transaction (*_analytics_fold_sql.sql says how they are kept
-- now). First the old machinery goes: the per-candidate refresh that recomputed a funnel row from its view
-- inside every write, the views and triggers of the UTC-day tables that the next migration replaces, and the
-- funnel rows themselves (counted again from the raw rows at the end of *_analytics_fold_sql.sql).
DROP TRIGGER `analytics_refresh_status_change`;
--> statement-breakpoint
DROP TRIGGER `analytics_refresh_candidate_update`;
--> statement-breakpoint
DROP TRIGGER `analytics_funnel_insert`;
--> statement-breakpoint
DROP TRIGGER `analytics_funnel_delete`;
--> statement-breakpoint
DROP TRIGGER `analytics_calls_delta_apply`;
--> statement-breakpoint
DROP TRIGGER `analytics_call_insert`;
--> statement-breakpoint
DROP TRIGGER `analytics_call_update`;
--> statement-breakpoint
DROP TRIGGER `analytics_call_delete`;
--> statement-breakpoint
DROP TABLE `analytics_refresh`;
--> statement-breakpoint
DROP VIEW `analytics_candidates_source`;
--> statement-breakpoint
DROP VIEW `analytics_funnel_daily_source`;
--> statement-breakpoint
DROP VIEW `analytics_calls_hourly_source`;
--> statement-breakpoint
DELETE FROM `analytics_candidates`;
