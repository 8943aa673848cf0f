CREATE TABLE `call_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`conversation_seconds` real DEFAULT 0 NOT NULL,
	`conversations` integer DEFAULT 0 NOT NULL,
	`cost` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `candidates_status_idx`;--> statement-breakpoint
CREATE INDEX `candidates_status_interview_idx` ON `candidates` (`status`,`interview_at`);