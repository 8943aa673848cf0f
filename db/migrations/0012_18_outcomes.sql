ALTER TABLE `calls` ADD `spoken_zone` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `silent_end` integer;--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `dedupe_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_dedupe_idx` ON `outbox_messages` (`dedupe_key`);