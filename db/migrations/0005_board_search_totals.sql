-- Board search: a trigram full-text index over what the search box matches (name, e-mail, phone), so that a
-- substring search reads the index instead of every candidate. External content: the text stays in
-- `candidates`; these triggers keep the index in step, in the writer's own transaction.
CREATE VIRTUAL TABLE `candidates_search` USING fts5(`name`, `email`, `phone`, content='candidates', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `candidates_search` (`candidates_search`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `candidates_search_insert` AFTER INSERT ON `candidates` BEGIN
  INSERT INTO `candidates_search` (`rowid`, `name`, `email`, `phone`) VALUES (NEW.`id`, NEW.`name`, NEW.`email`, NEW.`phone`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_delete` AFTER DELETE ON `candidates` BEGIN
  INSERT INTO `candidates_search` (`candidates_search`, `rowid`, `name`, `email`, `phone`) VALUES ('delete', OLD.`id`, OLD.`name`, OLD.`email`, OLD.`phone`);
END;
--> statement-breakpoint
CREATE TRIGGER `candidates_search_update` AFTER UPDATE OF `name`, `email`, `phone` ON `candidates` BEGIN
  INSERT INTO `candidates_search` (`candidates_search`, `rowid`, `name`, `email`, `phone`) VALUES ('delete', OLD.`id`, OLD.`name`, OLD.`email`, OLD.`phone`);
  INSERT INTO `candidates_search` (`rowid`, `name`, `email`, `phone`) VALUES (NEW.`id`, NEW.`name`, NEW.`email`, NEW.`phone`);
END;
--> statement-breakpoint
-- The board's call figures (schema.ts: callTotals), kept as running sums: each call adds what it counts for
-- and an update or delete takes its old contribution back.
INSERT INTO `call_totals` (`id`, `finished`, `answered`, `conversation_seconds`, `conversations`, `cost`)
SELECT 1,
  count(`outcome`),
  count(CASE WHEN `conversation_seconds` > 0 AND `outcome` IS NOT NULL THEN 1 END),
  coalesce(sum(CASE WHEN `conversation_seconds` > 0 THEN `conversation_seconds` END), 0),
  count(CASE WHEN `conversation_seconds` > 0 THEN 1 END),
  coalesce(sum(`total_cost`), 0)
FROM `calls`;
--> statement-breakpoint
CREATE TRIGGER `call_totals_insert` AFTER INSERT ON `calls` BEGIN
  UPDATE `call_totals` SET
    `finished` = `finished` + (NEW.`outcome` IS NOT NULL),
    `answered` = `answered` + (CASE WHEN NEW.`conversation_seconds` > 0 AND NEW.`outcome` IS NOT NULL THEN 1 ELSE 0 END),
    `conversation_seconds` = `conversation_seconds` + (CASE WHEN NEW.`conversation_seconds` > 0 THEN NEW.`conversation_seconds` ELSE 0 END),
    `conversations` = `conversations` + (CASE WHEN NEW.`conversation_seconds` > 0 THEN 1 ELSE 0 END),
    `cost` = `cost` + coalesce(NEW.`total_cost`, 0)
  WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `call_totals_update` AFTER UPDATE OF `outcome`, `conversation_seconds`, `total_cost` ON `calls` BEGIN
  UPDATE `call_totals` SET
    `finished` = `finished` + (NEW.`outcome` IS NOT NULL) - (OLD.`outcome` IS NOT NULL),
    `answered` = `answered`
      + (CASE WHEN NEW.`conversation_seconds` > 0 AND NEW.`outcome` IS NOT NULL THEN 1 ELSE 0 END)
      - (CASE WHEN OLD.`conversation_seconds` > 0 AND OLD.`outcome` IS NOT NULL THEN 1 ELSE 0 END),
    `conversation_seconds` = `conversation_seconds`
      + (CASE WHEN NEW.`conversation_seconds` > 0 THEN NEW.`conversation_seconds` ELSE 0 END)
      - (CASE WHEN OLD.`conversation_seconds` > 0 THEN OLD.`conversation_seconds` ELSE 0 END),
    `conversations` = `conversations`
      + (CASE WHEN NEW.`conversation_seconds` > 0 THEN 1 ELSE 0 END)
      - (CASE WHEN OLD.`conversation_seconds` > 0 THEN 1 ELSE 0 END),
    `cost` = `cost` + coalesce(NEW.`total_cost`, 0) - coalesce(OLD.`total_cost`, 0)
  WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `call_totals_delete` AFTER DELETE ON `calls` BEGIN
  UPDATE `call_totals` SET
    `finished` = `finished` - (OLD.`outcome` IS NOT NULL),
    `answered` = `answered` - (CASE WHEN OLD.`conversation_seconds` > 0 AND OLD.`outcome` IS NOT NULL THEN 1 ELSE 0 END),
    `conversation_seconds` = `conversation_seconds` - (CASE WHEN OLD.`conversation_seconds` > 0 THEN OLD.`conversation_seconds` ELSE 0 END),
    `conversations` = `conversations` - (CASE WHEN OLD.`conversation_seconds` > 0 THEN 1 ELSE 0 END),
    `cost` = `cost` - coalesce(OLD.`total_cost`, 0)
  WHERE `id` = 1;
END;
