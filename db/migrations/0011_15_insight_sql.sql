-- Issue #15 (trust and insight): the counts and rollups the board and the analytics read, kept by triggers in
-- the writer's own transaction (so a CLI script or a second server counts too), like call_totals in 0005.
-- Each rollup is defined once by a view named after it with `_source` appended: the backfill at the end fills
-- the tables from those views, lib/analytics/rebuild-analytics.ts does the same after a bulk load, and
-- lib/analytics/rollups.property.test.ts checks after random writes that the triggers agree with the views.
-- Positions are keyed as '' when a candidate has none; days are UTC days of the millisecond timestamps.
-- calls.answered_by_voicemail is null while Bolna has not said (issue #14's column): only 1 counts as voicemail.

-- 1. Candidates per status: the board's counts and total, without counting every row.
CREATE VIEW `candidate_status_counts_source` AS
SELECT `status`, count(*) AS `count` FROM `candidates` GROUP BY `status`;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_counts_insert` AFTER INSERT ON `candidates` BEGIN
  INSERT INTO `candidate_status_counts` (`status`, `count`) VALUES (NEW.`status`, 1)
    ON CONFLICT (`status`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_counts_delete` AFTER DELETE ON `candidates` BEGIN
  UPDATE `candidate_status_counts` SET `count` = `count` - 1 WHERE `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_status_counts_update` AFTER UPDATE OF `status` ON `candidates` WHEN OLD.`status` IS NOT NEW.`status` BEGIN
  UPDATE `candidate_status_counts` SET `count` = `count` - 1 WHERE `status` = OLD.`status`;
  INSERT INTO `candidate_status_counts` (`status`, `count`) VALUES (NEW.`status`, 1)
    ON CONFLICT (`status`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint

-- 2. Per candidate that was ever called, where it got in the funnel. A plain (not aggregate) view, so that
-- `WHERE candidate_id = ?` becomes a primary-key lookup and each subquery reads that candidate's calls only.
-- Reached: a call with a conversation that Bolna did not flag as voicemail. Confirmed and declined come from
-- the audit trail (ever), attendance from the candidate's current mark.
CREATE VIEW `analytics_candidates_source` AS
SELECT
  c.`id` AS `candidate_id`,
  coalesce(c.`position`, '') AS `position`,
  (SELECT strftime('%Y-%m-%d', min(k.`created_at`) / 1000, 'unixepoch') FROM `calls` k WHERE k.`candidate_id` = c.`id`) AS `first_called_day`,
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
-- A candidate whose funnel facts may have changed is named here; the trigger below recomputes its row from the
-- view (delete, then insert: the funnel triggers take the old row back and add the new one) and empties the
-- table again. One place recomputes, whatever changed.
CREATE TABLE `analytics_refresh` (`candidate_id` integer NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `analytics_refresh_candidate` AFTER INSERT ON `analytics_refresh` BEGIN
  DELETE FROM `analytics_candidates` WHERE `candidate_id` = NEW.`candidate_id`;
  INSERT INTO `analytics_candidates` SELECT * FROM `analytics_candidates_source` WHERE `candidate_id` = NEW.`candidate_id`;
  DELETE FROM `analytics_refresh` WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_refresh_status_change` AFTER INSERT ON `status_changes`
WHEN NEW.`candidate_id` IS NOT NULL AND NEW.`to_status` IN ('confirmed', 'rescheduled', 'declined') BEGIN
  INSERT INTO `analytics_refresh` (`candidate_id`) VALUES (NEW.`candidate_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_refresh_candidate_update` AFTER UPDATE OF `position`, `attendance` ON `candidates`
WHEN OLD.`position` IS NOT NEW.`position` OR OLD.`attendance` IS NOT NEW.`attendance` BEGIN
  INSERT INTO `analytics_refresh` (`candidate_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint

-- 3. The funnel by first-call day and position: analytics_candidates added up.
CREATE VIEW `analytics_funnel_daily_source` AS
SELECT `first_called_day` AS `day`, `position`, count(*) AS `called`, sum(`reached`) AS `reached`,
  coalesce(sum(`attempts_to_reach`), 0) AS `attempts_to_reach`, sum(`confirmed`) AS `confirmed`, sum(`declined`) AS `declined`,
  sum(`attended`) AS `attended`, sum(`no_show`) AS `no_show`, sum(`cost`) AS `cost`
FROM `analytics_candidates` GROUP BY `first_called_day`, `position`;
--> statement-breakpoint
CREATE TRIGGER `analytics_funnel_insert` AFTER INSERT ON `analytics_candidates` BEGIN
  INSERT INTO `analytics_funnel_daily`
    (`day`, `position`, `called`, `reached`, `attempts_to_reach`, `confirmed`, `declined`, `attended`, `no_show`, `cost`)
  VALUES (NEW.`first_called_day`, NEW.`position`, 1, NEW.`reached`, coalesce(NEW.`attempts_to_reach`, 0), NEW.`confirmed`,
    NEW.`declined`, NEW.`attended`, NEW.`no_show`, NEW.`cost`)
  ON CONFLICT (`day`, `position`) DO UPDATE SET
    `called` = `called` + 1, `reached` = `reached` + excluded.`reached`,
    `attempts_to_reach` = `attempts_to_reach` + excluded.`attempts_to_reach`, `confirmed` = `confirmed` + excluded.`confirmed`,
    `declined` = `declined` + excluded.`declined`, `attended` = `attended` + excluded.`attended`,
    `no_show` = `no_show` + excluded.`no_show`, `cost` = `cost` + excluded.`cost`;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_funnel_delete` AFTER DELETE ON `analytics_candidates` BEGIN
  UPDATE `analytics_funnel_daily` SET
    `called` = `called` - 1, `reached` = `reached` - OLD.`reached`,
    `attempts_to_reach` = `attempts_to_reach` - coalesce(OLD.`attempts_to_reach`, 0), `confirmed` = `confirmed` - OLD.`confirmed`,
    `declined` = `declined` - OLD.`declined`, `attended` = `attended` - OLD.`attended`, `no_show` = `no_show` - OLD.`no_show`,
    `cost` = `cost` - OLD.`cost`
  WHERE `day` = OLD.`first_called_day` AND `position` = OLD.`position`;
END;
--> statement-breakpoint

-- 4. Finished and answered calls by UTC day, position and hour in the candidate's zone (-1: not known). Changes
-- arrive as signed facts in analytics_calls_delta, whose trigger is the one place that turns a call into its
-- contribution (the view below is the other, for bulk loads), then empties the table again.
CREATE VIEW `analytics_calls_hourly_source` AS
SELECT strftime('%Y-%m-%d', k.`created_at` / 1000, 'unixepoch') AS `day`, coalesce(c.`position`, '') AS `position`,
  coalesce(k.`local_hour`, -1) AS `local_hour`, count(*) AS `finished`,
  count(CASE WHEN k.`conversation_seconds` > 0 AND k.`answered_by_voicemail` IS NOT 1 THEN 1 END) AS `answered`
FROM `calls` k JOIN `candidates` c ON c.`id` = k.`candidate_id`
WHERE k.`outcome` IS NOT NULL
GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TABLE `analytics_calls_delta` (
  `created_at` integer NOT NULL,
  `position` text,
  `local_hour` integer,
  `finished` integer NOT NULL,
  `conversation_seconds` real,
  `answered_by_voicemail` integer,
  `sign` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `analytics_calls_delta_apply` AFTER INSERT ON `analytics_calls_delta` BEGIN
  INSERT INTO `analytics_calls_hourly` (`day`, `position`, `local_hour`, `finished`, `answered`)
  SELECT strftime('%Y-%m-%d', NEW.`created_at` / 1000, 'unixepoch'), coalesce(NEW.`position`, ''), coalesce(NEW.`local_hour`, -1),
    NEW.`sign`, NEW.`sign` * (coalesce(NEW.`conversation_seconds`, 0) > 0 AND NEW.`answered_by_voicemail` IS NOT 1)
  WHERE NEW.`finished`
  ON CONFLICT (`day`, `position`, `local_hour`) DO UPDATE SET
    `finished` = `finished` + excluded.`finished`, `answered` = `answered` + excluded.`answered`;
  DELETE FROM `analytics_calls_delta` WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_call_insert` AFTER INSERT ON `calls` BEGIN
  INSERT INTO `analytics_refresh` (`candidate_id`) VALUES (NEW.`candidate_id`);
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
  OR OLD.`conversation_seconds` IS NOT NEW.`conversation_seconds` OR OLD.`answered_by_voicemail` IS NEW.`answered_by_voicemail` IS NOT 1
  OR OLD.`total_cost` IS NOT NEW.`total_cost` BEGIN
  INSERT INTO `analytics_refresh` (`candidate_id`) VALUES (OLD.`candidate_id`);
  INSERT INTO `analytics_refresh` (`candidate_id`) SELECT NEW.`candidate_id` WHERE NEW.`candidate_id` IS NOT OLD.`candidate_id`;
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
-- trigger below takes its calls back while the row (and its position) still exists, so this one stands aside.
CREATE TRIGGER `analytics_call_delete` AFTER DELETE ON `calls`
WHEN EXISTS (SELECT 1 FROM `candidates` WHERE `id` = OLD.`candidate_id`) BEGIN
  INSERT INTO `analytics_refresh` (`candidate_id`) VALUES (OLD.`candidate_id`);
  INSERT INTO `analytics_calls_delta`
  SELECT OLD.`created_at`, c.`position`, OLD.`local_hour`, OLD.`outcome` IS NOT NULL, OLD.`conversation_seconds`,
    OLD.`answered_by_voicemail`, -1
  FROM `candidates` c WHERE c.`id` = OLD.`candidate_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_candidate_calls_delete` BEFORE DELETE ON `candidates` BEGIN
  INSERT INTO `analytics_calls_delta`
  SELECT k.`created_at`, OLD.`position`, k.`local_hour`, 1, k.`conversation_seconds`, k.`answered_by_voicemail`, -1
  FROM `calls` k WHERE k.`candidate_id` = OLD.`id` AND k.`outcome` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_candidate_calls_position` AFTER UPDATE OF `position` ON `candidates`
WHEN OLD.`position` IS NOT NEW.`position` BEGIN
  INSERT INTO `analytics_calls_delta`
  SELECT k.`created_at`, OLD.`position`, k.`local_hour`, 1, k.`conversation_seconds`, k.`answered_by_voicemail`, -1
  FROM `calls` k WHERE k.`candidate_id` = NEW.`id` AND k.`outcome` IS NOT NULL;
  INSERT INTO `analytics_calls_delta`
  SELECT k.`created_at`, NEW.`position`, k.`local_hour`, 1, k.`conversation_seconds`, k.`answered_by_voicemail`, 1
  FROM `calls` k WHERE k.`candidate_id` = NEW.`id` AND k.`outcome` IS NOT NULL;
END;
--> statement-breakpoint

-- 5. Candidates by interview time and position, with their status and attendance. Signed candidate facts go
-- through analytics_slots_delta, whose trigger is the one place that turns them into a contribution.
CREATE VIEW `analytics_slots_source` AS
SELECT `interview_at`, coalesce(`position`, '') AS `position`, count(*) AS `candidates`,
  count(CASE WHEN `status` = 'pending' THEN 1 END) AS `pending`,
  count(CASE WHEN `status` = 'calling' THEN 1 END) AS `calling`,
  count(CASE WHEN `status` = 'confirmed' THEN 1 END) AS `confirmed`,
  count(CASE WHEN `status` = 'declined' THEN 1 END) AS `declined`,
  count(CASE WHEN `status` = 'rescheduled' THEN 1 END) AS `rescheduled`,
  count(CASE WHEN `status` = 'no_answer' THEN 1 END) AS `no_answer`,
  count(CASE WHEN `attendance` = 'attended' THEN 1 END) AS `attended`,
  count(CASE WHEN `attendance` = 'no_show' THEN 1 END) AS `no_show`
FROM `candidates` GROUP BY 1, 2;
--> statement-breakpoint
CREATE TABLE `analytics_slots_delta` (
  `interview_at` integer NOT NULL,
  `position` text,
  `status` text NOT NULL,
  `attendance` text,
  `sign` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `analytics_slots_delta_apply` AFTER INSERT ON `analytics_slots_delta` BEGIN
  INSERT INTO `analytics_slots`
    (`interview_at`, `position`, `candidates`, `pending`, `calling`, `confirmed`, `declined`, `rescheduled`, `no_answer`, `attended`, `no_show`)
  VALUES (NEW.`interview_at`, coalesce(NEW.`position`, ''), NEW.`sign`, NEW.`sign` * (NEW.`status` = 'pending'),
    NEW.`sign` * (NEW.`status` = 'calling'), NEW.`sign` * (NEW.`status` = 'confirmed'), NEW.`sign` * (NEW.`status` = 'declined'),
    NEW.`sign` * (NEW.`status` = 'rescheduled'), NEW.`sign` * (NEW.`status` = 'no_answer'),
    NEW.`sign` * (NEW.`attendance` IS 'attended'), NEW.`sign` * (NEW.`attendance` IS 'no_show'))
  ON CONFLICT (`interview_at`, `position`) DO UPDATE SET
    `candidates` = `candidates` + excluded.`candidates`, `pending` = `pending` + excluded.`pending`,
    `calling` = `calling` + excluded.`calling`, `confirmed` = `confirmed` + excluded.`confirmed`,
    `declined` = `declined` + excluded.`declined`, `rescheduled` = `rescheduled` + excluded.`rescheduled`,
    `no_answer` = `no_answer` + excluded.`no_answer`, `attended` = `attended` + excluded.`attended`,
    `no_show` = `no_show` + excluded.`no_show`;
  DELETE FROM `analytics_slots_delta` WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_slots_candidate_insert` AFTER INSERT ON `candidates` BEGIN
  INSERT INTO `analytics_slots_delta` VALUES (NEW.`interview_at`, NEW.`position`, NEW.`status`, NEW.`attendance`, 1);
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_slots_candidate_delete` AFTER DELETE ON `candidates` BEGIN
  INSERT INTO `analytics_slots_delta` VALUES (OLD.`interview_at`, OLD.`position`, OLD.`status`, OLD.`attendance`, -1);
END;
--> statement-breakpoint
CREATE TRIGGER `analytics_slots_candidate_update` AFTER UPDATE OF `interview_at`, `position`, `status`, `attendance` ON `candidates`
WHEN OLD.`interview_at` IS NOT NEW.`interview_at` OR OLD.`position` IS NOT NEW.`position` OR OLD.`status` IS NOT NEW.`status`
  OR OLD.`attendance` IS NOT NEW.`attendance` BEGIN
  INSERT INTO `analytics_slots_delta` VALUES (OLD.`interview_at`, OLD.`position`, OLD.`status`, OLD.`attendance`, -1);
  INSERT INTO `analytics_slots_delta` VALUES (NEW.`interview_at`, NEW.`position`, NEW.`status`, NEW.`attendance`, 1);
END;
--> statement-breakpoint

-- Backfill from the views (the same statements as lib/analytics/rebuild-analytics.ts). analytics_funnel_daily
-- fills itself: its trigger adds up each analytics_candidates row as it goes in.
INSERT INTO `candidate_status_counts` (`status`, `count`) SELECT `status`, `count` FROM `candidate_status_counts_source`;
--> statement-breakpoint
INSERT INTO `analytics_candidates` SELECT * FROM `analytics_candidates_source`;
--> statement-breakpoint
INSERT INTO `analytics_calls_hourly` SELECT * FROM `analytics_calls_hourly_source`;
--> statement-breakpoint
INSERT INTO `analytics_slots` SELECT * FROM `analytics_slots_source`;
