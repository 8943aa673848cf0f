-- Issue #14 (reaching candidates), part 2 of 2: data and triggers that drizzle-kit cannot express.

-- 1. Order keys gained the attempt as their first part (lib/calls/fold-execution.ts eventOrderKey:
--    `attempt:rank:micros:hash`). Keys stored before were all of a first attempt; without the prefix `00:` they
--    would compare wrongly against new ones ("9:…" > "01:…"), so a retry could never outrank them.
UPDATE `calls` SET `state_key` = '00:' || `state_key` WHERE `state_key` IS NOT NULL AND `state_key` NOT GLOB '[0-9][0-9]:*';
--> statement-breakpoint
UPDATE `calls` SET `field_keys` = (
  SELECT json_group_object(`key`, CASE WHEN `value` GLOB '[0-9][0-9]:*' THEN `value` ELSE '00:' || `value` END)
  FROM json_each(`calls`.`field_keys`)
) WHERE `field_keys` IS NOT NULL AND json_valid(`field_keys`) AND json_type(`field_keys`) = 'object';
--> statement-breakpoint

-- 2. The calendar invite's SEQUENCE (RFC 5545) rises whenever the interview moves, and when it is cancelled
--    (declined) or restored, whichever path made the change (a call, self-service, an admin, a reset, an import).
CREATE TRIGGER `candidates_invite_sequence_moved` AFTER UPDATE OF `interview_at` ON `candidates`
WHEN NEW.`interview_at` IS NOT OLD.`interview_at` BEGIN
  UPDATE `candidates` SET `invite_sequence` = `invite_sequence` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_invite_sequence_cancelled` AFTER UPDATE OF `status` ON `candidates`
WHEN (NEW.`status` = 'declined') != (OLD.`status` = 'declined') BEGIN
  UPDATE `candidates` SET `invite_sequence` = `invite_sequence` + 1 WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint

-- 3. The change feed (0003_change_feed.sql): reconfirmations and self-service links show on the candidate's page
--    and the board, so their writes refresh them live.
CREATE TRIGGER `changes_reconfirmation_insert` AFTER INSERT ON `reconfirmations` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_reconfirmation_update` AFTER UPDATE ON `reconfirmations` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_self_service_link_insert` AFTER INSERT ON `self_service_links` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_self_service_link_update` AFTER UPDATE ON `self_service_links` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
