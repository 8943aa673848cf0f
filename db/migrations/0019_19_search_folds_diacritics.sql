-- Board search folds diacritics: "muller" finds "Müller" and "Müller" finds "Muller". The trigram tokenizer's
-- remove_diacritics option (SQLite 3.45+) folds both the indexed text and the query, so the index is rebuilt with
-- it; the triggers of 0005 are recreated unchanged, so that they point at the new table.
DROP TRIGGER IF EXISTS `candidates_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `candidates_search_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `candidates_search_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `candidates_search`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `candidates_search` USING fts5(`name`, `email`, `phone`, content='candidates', content_rowid='id', tokenize='trigram remove_diacritics 1');
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
