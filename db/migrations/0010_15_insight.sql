CREATE TABLE `analytics_calls_hourly` (
	`day` text NOT NULL,
	`position` text NOT NULL,
	`local_hour` integer NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `position`, `local_hour`)
);
--> statement-breakpoint
CREATE TABLE `analytics_candidates` (
	`candidate_id` integer PRIMARY KEY NOT NULL,
	`position` text NOT NULL,
	`first_called_day` text NOT NULL,
	`calls` integer NOT NULL,
	`cost` real NOT NULL,
	`reached` integer NOT NULL,
	`attempts_to_reach` integer,
	`confirmed` integer NOT NULL,
	`declined` integer NOT NULL,
	`attended` integer NOT NULL,
	`no_show` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `analytics_funnel_daily` (
	`day` text NOT NULL,
	`position` text NOT NULL,
	`called` integer DEFAULT 0 NOT NULL,
	`reached` integer DEFAULT 0 NOT NULL,
	`attempts_to_reach` integer DEFAULT 0 NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`attended` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`cost` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `position`)
);
--> statement-breakpoint
CREATE TABLE `analytics_slots` (
	`interview_at` integer NOT NULL,
	`position` text NOT NULL,
	`candidates` integer DEFAULT 0 NOT NULL,
	`pending` integer DEFAULT 0 NOT NULL,
	`calling` integer DEFAULT 0 NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`rescheduled` integer DEFAULT 0 NOT NULL,
	`no_answer` integer DEFAULT 0 NOT NULL,
	`attended` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`interview_at`, `position`)
);
--> statement-breakpoint
CREATE TABLE `attendance_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer,
	`candidate_name` text NOT NULL,
	`interview_at` integer NOT NULL,
	`from_mark` text,
	`to_mark` text NOT NULL,
	`reason` text,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attendance_changes_candidate_idx` ON `attendance_changes` (`candidate_id`,`id`);--> statement-breakpoint
CREATE TABLE `candidate_status_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`call_id` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`proposed_status` text NOT NULL,
	`proposed_reason` text NOT NULL,
	`proposed_interview_at` integer,
	`confidence` real NOT NULL,
	`confidence_label` text NOT NULL,
	`doubt` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`resolved_status` text,
	`resolution_reason` text,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_items_open_candidate_idx` ON `review_items` (`candidate_id`) WHERE "review_items"."state" = 'open';--> statement-breakpoint
CREATE INDEX `review_items_state_idx` ON `review_items` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `review_items_resolved_idx` ON `review_items` (`resolved_at`);--> statement-breakpoint
ALTER TABLE `calls` ADD `confidence` real;--> statement-breakpoint
ALTER TABLE `calls` ADD `confidence_label` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `confidence_evidence` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `local_hour` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `attendance` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `attendance_reason` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `attendance_marked_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `attendance_marked_by` text;--> statement-breakpoint
CREATE INDEX `candidates_to_mark_idx` ON `candidates` (`interview_at`) WHERE "candidates"."attendance" is null and "candidates"."status" in ('confirmed', 'rescheduled');