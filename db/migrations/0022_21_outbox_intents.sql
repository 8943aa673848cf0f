-- Messages are queued as intents and rendered when sent: the rendered columns become nullable, and the intent
-- (interview time, invite version, link) and the stable Message-ID get columns. Rows from before keep what was
-- rendered when they were queued, and are sent as they are.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer,
	`kind` text NOT NULL,
	`interview_at` integer,
	`invite_sequence` integer,
	`link_url` text,
	`link_expires_at` integer,
	`to_address` text,
	`subject` text,
	`body` text,
	`ics` text,
	`ics_method` text,
	`message_id` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`dedupe_key` text,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_outbox_messages`("id", "candidate_id", "kind", "interview_at", "invite_sequence", "link_url", "link_expires_at", "to_address", "subject", "body", "ics", "ics_method", "message_id", "state", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at", "dedupe_key") SELECT "id", "candidate_id", "kind", NULL, NULL, NULL, NULL, "to_address", "subject", "body", "ics", "ics_method", NULL, "state", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at", "dedupe_key" FROM `outbox_messages`;--> statement-breakpoint
DROP TABLE `outbox_messages`;--> statement-breakpoint
ALTER TABLE `__new_outbox_messages` RENAME TO `outbox_messages`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_messages_state_idx` ON `outbox_messages` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_dedupe_idx` ON `outbox_messages` (`dedupe_key`);