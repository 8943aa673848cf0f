CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`ics` text,
	`ics_method` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_messages_state_idx` ON `outbox_messages` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `reconfirmations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`interview_at` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`execution_id` text,
	`call_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reconfirmations_candidate_interview_idx` ON `reconfirmations` (`candidate_id`,`interview_at`);--> statement-breakpoint
CREATE TABLE `self_service_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`changes_used` integer DEFAULT 0 NOT NULL,
	`max_changes` integer NOT NULL,
	`last_used_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `self_service_links_token_hash_unique` ON `self_service_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `self_service_links_candidate_idx` ON `self_service_links` (`candidate_id`,`id`);--> statement-breakpoint
CREATE TABLE `self_service_rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`expire` integer
);
--> statement-breakpoint
ALTER TABLE `call_batches` ADD `retry_config` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `purpose` text DEFAULT 'confirmation' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `attempt` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `answered_by_voicemail` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `retry_history` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `retry_config` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `scheduled_at` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `next_attempt_number` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `invite_sequence` integer DEFAULT 0 NOT NULL;