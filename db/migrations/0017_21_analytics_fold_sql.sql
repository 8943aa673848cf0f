-- The analytics rollups, kept out of the writer's transaction where they cost the most. A write (a webhook
-- delivery, a mark, a review) only marks the candidate whose funnel facts may have changed in
-- `analytics_dirty`; a job folds the marked candidates into analytics_candidates a second later
-- (lib/analytics/fold-analytics.ts), and analytics_funnel adds those rows up by trigger as they change. The
-- counters that cost a row or two (calls by hour, slots, the board's status counts) stay in the writer's
-- transaction.
-- Every rollup is keyed by instants, never by days: `quarter_hour` is milliseconds / 900,000, and every zone's
-- offset in use is a whole number of quarter hours, so any zone's day is a whole range of them. The team's days
-- (INTERVIEW_TIMEZONE) are a cache on top, in `*_days` tables the fold keeps from the quarter hours that writes
-- mark in `analytics_dirty_quarters` (lib/analytics/day-cache.ts); a change of zone refills it, and the quarter
-- hours answer meanwhile.
-- Each rollup is still defined once by a view named after it with `_source` appended: the backfill at the end
-- fills the tables from those views, lib/analytics/rebuild-analytics.ts does the same after a bulk load, and
-- lib/analytics/rollups.property.test.ts checks, after random writes and one fold, that they agree.

-- 1. Per candidate that was ever called, where it got in the funnel. A plain (not aggregate) view, so that
-- `WHERE candidate_id = ?` becomes a primary-key lookup and each subquery reads that candidate's calls only.
-- Reached: a call with a conversation that Bolna did not flag as voicemail. Confirmed and declined come from
-- the audit trail (ever), attendance from the candidate's current mark.
CREATE VIEW `analytics_candidates_source` AS
SELECT
  c.`id` AS `candidate_id`,
  coalesce(c.`position`, '') AS `position`,
  (SELECT min(k.`created_at`) FROM `calls` k WHERE k.`candidate_id` = c.`id`) AS `first_called_at`,
  (SELECT count(*) FROM `calls` k WHERE k.`candidate_id` = c.`id`) AS `calls`,
  (SELECT coalesce(sum(k.`total_cost`), 0) FROM `calls` k WHERE k.`candidate_id` = c.`id`) AS `cost`,
  EXISTS (
    SELECT 1 FROM `calls` k WHERE k.`candidate_id` = c.`id` AND k.`conversation_seconds` > 0 AND k.`answered_by_voicemail` IS NOT 1
  ) AS `reached`,
  nullif((
    SELECT count(*) FROM `calls` k WHERE k.`candidate_id` = c.`id` AND (k.`created_at`, k.`id`) <= (
      SELECT r.`created_at`, r.`id` FROM `calls` r
      WHERE r.`candidate_id` = c.`id` AND r.`conversation_seconds` > 0 AND r.`answered_by_voicemail` IS NOT 1
      ORDER BY r.`created_at`, r.`id` LIMIT 1
    )
  ), 0) AS `attempts_to_reach`,
  EXISTS (
    SELECT 1 FROM `status_changes` s WHERE s.`candidate_id` = c.`id` AND s.`to_status` IN ('confirmed', 'rescheduled')
  ) AS `confirmed`,
  EXISTS (SELECT 1 FROM `status_changes` s WHERE s.`candidate_id` = c.`id` AND s.`to_status` = 'declined') AS `declined`,
  c.`attendance` IS 'attended' AS `attended`,
  c.`attendance` IS 'no_show' AS `no_show`
FROM `candidates` c
WHERE EXISTS (SELECT 1 FROM `calls` k WHERE k.`candidate_id` = c.`id`);
--> statement-breakpoint
-- The candidates to fold. A mark is one row whatever changed, and a deleted candidate's mark folds to nothing.
CREATE TABLE `analytics_dirty` (`candidate_id` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
-- The quarter hours whose day rollups are to be recounted, and the zone those day rollups are counted in (one
-- row; `ready` 0 while they are being refilled for a new zone).
CREATE TABLE `analytics_dirty_quarters` (`quarter_hour` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE TABLE `analytics_days_zone` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `zone` text NOT NULL,
  `ready` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `analytics_dirty_status_change` AFTER INSERT ON `status_changes`
WHEN NEW.`candidate_id` IS NOT NULL AND NEW.`to_status` IN ('confirmed', 'rescheduled', 'declined') BEGIN
  INSERT OR IGNORE INTO `analytics_dirty` (`candidate_id`) VALUES (NEW.`candidate_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_dirty_candidate_update` AFTER UPDATE OF `position`, `attendance` ON `candidates`
WHEN OLD.`position` IS NOT NEW.`position` OR OLD.`attendance` IS NOT NEW.`attendance` BEGIN
  INSERT OR IGNORE INTO `analytics_dirty` (`candidate_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint

-- 2. The funnel by the quarter hour of the first call and position: analytics_candidates added up. Its rows
-- change only when the fold (or a candidate's deletion, by cascade) changes analytics_candidates.
CREATE VIEW `analytics_funnel_source` AS
SELECT `first_called_at` / 900000 AS `quarter_hour`, `position`, count(*) AS `called`, sum(`reached`) AS `reached`,
  coalesce(sum(`attempts_to_reach`), 0) AS `attempts_to_reach`, sum(`confirmed`) AS `confirmed`, sum(`declined`) AS `declined`,
  sum(`attended`) AS `attended`, sum(`no_show`) AS `no_show`, sum(`cost`) AS `cost`
FROM `analytics_candidates` GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `analytics_funnel_insert` AFTER INSERT ON `analytics_candidates` BEGIN
  INSERT INTO `analytics_funnel`
    (`quarter_hour`, `position`, `called`, `reached`, `attempts_to_reach`, `confirmed`, `declined`, `attended`, `no_show`, `cost`)
  VALUES (NEW.`first_called_at` / 900000, NEW.`position`, 1, NEW.`reached`, coalesce(NEW.`attempts_to_reach`, 0),
    NEW.`confirmed`, NEW.`declined`, NEW.`attended`, NEW.`no_show`, NEW.`cost`)
  ON CONFLICT (`quarter_hour`, `position`) DO UPDATE SET
    `called` = `called` + 1, `reached` = `reached` + excluded.`reached`,
    `attempts_to_reach` = `attempts_to_reach` + excluded.`attempts_to_reach`, `confirmed` = `confirmed` + excluded.`confirmed`,
    `declined` = `declined` + excluded.`declined`, `attended` = `attended` + excluded.`attended`,
    `no_show` = `no_show` + excluded.`no_show`, `cost` = `cost` + excluded.`cost`;
  INSERT OR IGNORE INTO `analytics_dirty_quarters` (`quarter_hour`) VALUES (NEW.`first_called_at` / 900000);
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_funnel_delete` AFTER DELETE ON `analytics_candidates` BEGIN
  UPDATE `analytics_funnel` SET
    `called` = `called` - 1, `reached` = `reached` - OLD.`reached`,
    `attempts_to_reach` = `attempts_to_reach` - coalesce(OLD.`attempts_to_reach`, 0), `confirmed` = `confirmed` - OLD.`confirmed`,
    `declined` = `declined` - OLD.`declined`, `attended` = `attended` - OLD.`attended`, `no_show` = `no_show` - OLD.`no_show`,
    `cost` = `cost` - OLD.`cost`
  WHERE `quarter_hour` = OLD.`first_called_at` / 900000 AND `position` = OLD.`position`;
  INSERT OR IGNORE INTO `analytics_dirty_quarters` (`quarter_hour`) VALUES (OLD.`first_called_at` / 900000);
END;
--> statement-breakpoint

-- 3. Finished and answered calls by quarter hour, position and hour in the candidate's zone (-1: not known).
-- Changes arrive as signed facts in analytics_calls_delta (*_insight_sql.sql), whose trigger is the one place
-- that turns a call into its contribution (the view below is the other, for bulk loads), then empties the table
-- again. The call triggers also mark the candidate: its funnel row reads its calls.
CREATE VIEW `analytics_call_hours_source` AS
SELECT k.`created_at` / 900000 AS `quarter_hour`, coalesce(c.`position`, '') AS `position`,
  coalesce(k.`local_hour`, -1) AS `local_hour`, count(*) AS `finished`,
  count(CASE WHEN k.`conversation_seconds` > 0 AND k.`answered_by_voicemail` IS NOT 1 THEN 1 END) AS `answered`
FROM `calls` k JOIN `candidates` c ON c.`id` = k.`candidate_id`
WHERE k.`outcome` IS NOT NULL
GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `analytics_calls_delta_apply` AFTER INSERT ON `analytics_calls_delta` BEGIN
  INSERT INTO `analytics_call_hours` (`quarter_hour`, `position`, `local_hour`, `finished`, `answered`)
  SELECT NEW.`created_at` / 900000, coalesce(NEW.`position`, ''), coalesce(NEW.`local_hour`, -1),
    NEW.`sign`, NEW.`sign` * (coalesce(NEW.`conversation_seconds`, 0) > 0 AND NEW.`answered_by_voicemail` IS NOT 1)
  WHERE NEW.`finished`
  ON CONFLICT (`quarter_hour`, `position`, `local_hour`) DO UPDATE SET
    `finished` = `finished` + excluded.`finished`, `answered` = `answered` + excluded.`answered`;
  INSERT OR IGNORE INTO `analytics_dirty_quarters` (`quarter_hour`) SELECT NEW.`created_at` / 900000 WHERE NEW.`finished`;
  DELETE FROM `analytics_calls_delta` WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_call_insert` AFTER INSERT ON `calls` BEGIN
  INSERT OR IGNORE INTO `analytics_dirty` (`candidate_id`) VALUES (NEW.`candidate_id`);
  INSERT INTO `analytics_calls_delta`
  SELECT NEW.`created_at`, c.`position`, NEW.`local_hour`, NEW.`outcome` IS NOT NULL, NEW.`conversation_seconds`,
    NEW.`answered_by_voicemail`, 1
  FROM `candidates` c WHERE c.`id` = NEW.`candidate_id`;
END;
--> statement-breakpoint
-- Only a change of what the rollups read: the webhook rewrites every column of a call on each delivery.
CREATE TRIGGER `analytics_call_update` AFTER UPDATE ON `calls`
WHEN OLD.`candidate_id` IS NOT NEW.`candidate_id` OR OLD.`created_at` IS NOT NEW.`created_at`
  OR OLD.`local_hour` IS NOT NEW.`local_hour` OR OLD.`outcome` IS NOT NEW.`outcome`
  OR OLD.`conversation_seconds` IS NOT NEW.`conversation_seconds`
  OR OLD.`answered_by_voicemail` IS NOT NEW.`answered_by_voicemail` OR OLD.`total_cost` IS NOT NEW.`total_cost` BEGIN
  INSERT OR IGNORE INTO `analytics_dirty` (`candidate_id`) VALUES (OLD.`candidate_id`), (NEW.`candidate_id`);
  INSERT INTO `analytics_calls_delta`
  SELECT OLD.`created_at`, c.`position`, OLD.`local_hour`, OLD.`outcome` IS NOT NULL, OLD.`conversation_seconds`,
    OLD.`answered_by_voicemail`, -1
  FROM `candidates` c WHERE c.`id` = OLD.`candidate_id`;
  INSERT INTO `analytics_calls_delta`
  SELECT NEW.`created_at`, c.`position`, NEW.`local_hour`, NEW.`outcome` IS NOT NULL, NEW.`conversation_seconds`,
    NEW.`answered_by_voicemail`, 1
  FROM `candidates` c WHERE c.`id` = NEW.`candidate_id`;
END;
--> statement-breakpoint
-- A candidate's deletion removes its calls by cascade after the candidate row is gone: the candidate's own
-- trigger (*_insight_sql.sql) takes its calls back while the row (and its position) still exists, so this one
-- stands aside.
CREATE TRIGGER `analytics_call_delete` AFTER DELETE ON `calls`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = OLD.`candidate_id`) BEGIN
  INSERT OR IGNORE INTO `analytics_dirty` (`candidate_id`) VALUES (OLD.`candidate_id`);
  INSERT INTO `analytics_calls_delta`
  SELECT OLD.`created_at`, c.`position`, OLD.`local_hour`, OLD.`outcome` IS NOT NULL, OLD.`conversation_seconds`,
    OLD.`answered_by_voicemail`, -1
  FROM `candidates` c WHERE c.`id` = OLD.`candidate_id`;
END;
--> statement-breakpoint

-- Backfill from the views (the same statements as lib/analytics/rebuild-analytics.ts). analytics_funnel fills
-- itself: its trigger adds up each analytics_candidates row as it goes in. The day rollups are filled by the
-- first fold, for the zone the server runs in.
INSERT INTO `analytics_candidates`
  (`candidate_id`, `position`, `first_called_at`, `calls`, `cost`, `reached`, `attempts_to_reach`, `confirmed`, `declined`, `attended`, `no_show`)
SELECT `candidate_id`, `position`, `first_called_at`, `calls`, `cost`, `reached`, `attempts_to_reach`, `confirmed`, `declined`, `attended`, `no_show`
FROM `analytics_candidates_source`;
--> statement-breakpoint
INSERT INTO `analytics_call_hours` (`quarter_hour`, `position`, `local_hour`, `finished`, `answered`)
SELECT `quarter_hour`, `position`, `local_hour`, `finished`, `answered` FROM `analytics_call_hours_source`;
