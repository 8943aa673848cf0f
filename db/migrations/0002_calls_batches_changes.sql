CREATE TABLE `call_batch_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`execution_id` text,
	`error` text,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `call_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_batch_items_batch_idx` ON `call_batch_items` (`batch_id`,`state`);--> statement-breakpoint
CREATE TABLE `call_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`concurrency` integer NOT NULL,
	`pacing_ms` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`candidate_id` integer,
	`at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `calls` ADD `placed_by` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `batch_id` integer REFERENCES call_batches(id);--> statement-breakpoint
ALTER TABLE `candidates` ADD `call_requested_at` integer;