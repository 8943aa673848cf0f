-- The change feed: every write to what the board shows leaves a row in `changes`, in the writer's own
-- transaction, whichever process (server, CLI script, second server) made it. The live stream reads it by id.
CREATE TRIGGER `changes_candidate_insert` AFTER INSERT ON `candidates` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_candidate_update` AFTER UPDATE ON `candidates` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_candidate_delete` AFTER DELETE ON `candidates` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', OLD.`id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_call_insert` AFTER INSERT ON `calls` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('call', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_call_update` AFTER UPDATE ON `calls` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('call', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_event_insert` AFTER INSERT ON `webhook_events` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('event', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_event_update` AFTER UPDATE ON `webhook_events` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('event', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_slot_insert` AFTER INSERT ON `interview_slots` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('slot', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_slot_update` AFTER UPDATE ON `interview_slots` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('slot', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_slot_delete` AFTER DELETE ON `interview_slots` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('slot', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_allowed_slots_insert` AFTER INSERT ON `candidate_rescheduling_slots` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_allowed_slots_delete` AFTER DELETE ON `candidate_rescheduling_slots` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('candidate', OLD.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_batch_insert` AFTER INSERT ON `call_batches` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('batch', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_batch_update` AFTER UPDATE ON `call_batches` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('batch', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_batch_item_update` AFTER UPDATE ON `call_batch_items` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('batch', NEW.`candidate_id`, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_rejected_sender_insert` AFTER INSERT ON `rejected_senders` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('sender', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
--> statement-breakpoint
CREATE TRIGGER `changes_rejected_sender_update` AFTER UPDATE ON `rejected_senders` BEGIN
  INSERT INTO `changes` (`kind`, `candidate_id`, `at`) VALUES ('sender', NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER));
END;
