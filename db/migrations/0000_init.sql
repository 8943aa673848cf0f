CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`execution_id` text NOT NULL,
	`candidate_id` integer NOT NULL,
	`status` text,
	`outcome` text,
	`outcome_reason` text,
	`transcript` text,
	`summary` text,
	`recording_url` text,
	`duration_seconds` real,
	`conversation_seconds` real,
	`total_cost` real,
	`hangup_by` text,
	`hangup_reason` text,
	`error_message` text,
	`extracted_data` text,
	`state_key` text,
	`field_keys` text,
	`bolna_created_at` integer,
	`bolna_updated_at` integer,
	`last_event_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_execution_id_unique` ON `calls` (`execution_id`);--> statement-breakpoint
CREATE INDEX `calls_candidate_idx` ON `calls` (`candidate_id`);--> statement-breakpoint
CREATE INDEX `calls_status_idx` ON `calls` (`status`);--> statement-breakpoint
CREATE TABLE `candidate_rescheduling_slots` (
	`candidate_id` integer NOT NULL,
	`slot_id` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `slot_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`slot_id`) REFERENCES `interview_slots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crs_slot_idx` ON `candidate_rescheduling_slots` (`slot_id`);--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text,
	`position` text,
	`applied_at` integer,
	`interview_at` integer NOT NULL,
	`original_interview_at` integer,
	`requested_interview_at` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`status_reason` text,
	`status_changed_at` integer NOT NULL,
	`manual_status_at` integer,
	`latest_call_id` integer,
	`call_status` text,
	`last_call_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_phone_unique` ON `candidates` (`phone`);--> statement-breakpoint
CREATE INDEX `candidates_status_idx` ON `candidates` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `candidates_interview_at_idx` ON `candidates` (`interview_at`);--> statement-breakpoint
CREATE INDEX `candidates_updated_at_idx` ON `candidates` (`updated_at`);--> statement-breakpoint
CREATE TABLE `interview_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`starts_at` integer NOT NULL,
	`capacity` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interview_slots_starts_at_unique` ON `interview_slots` (`starts_at`);--> statement-breakpoint
CREATE TABLE `rejected_senders` (
	`ip` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`last_reason` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rejected_senders_last_seen_idx` ON `rejected_senders` (`last_seen_at`,`ip`);--> statement-breakpoint
CREATE TABLE `status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer,
	`candidate_name` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`from_interview_at` integer,
	`to_interview_at` integer,
	`source` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text,
	`execution_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `status_changes_candidate_idx` ON `status_changes` (`candidate_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` integer NOT NULL,
	`sender_ip` text,
	`source` text DEFAULT 'webhook' NOT NULL,
	`execution_id` text NOT NULL,
	`bolna_status` text,
	`bolna_updated_at` integer,
	`body_hash` text NOT NULL,
	`raw_body` text,
	`result` text NOT NULL,
	`duplicate_of_id` integer,
	`call_id` integer,
	`candidate_id` integer,
	`dismissed_at` integer,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_events_execution_hash_idx` ON `webhook_events` (`execution_id`,`body_hash`);--> statement-breakpoint
CREATE INDEX `webhook_events_result_idx` ON `webhook_events` (`result`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_events_candidate_idx` ON `webhook_events` (`candidate_id`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_events_call_idx` ON `webhook_events` (`call_id`,`id`);