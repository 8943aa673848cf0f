-- Part 2 of 2 (after the table): this installation's own random namespace for calendar UIDs (16 hex digits), made once
-- when the database is created or first migrated, so that two Callboards, or one database made anew, never send
-- calendars the same UID for different interviews. Restoring a backup keeps it, as it should.
INSERT INTO `installation` (`id`, `uid_namespace`) VALUES (1, lower(hex(randomblob(8))));
