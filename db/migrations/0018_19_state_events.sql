ALTER TABLE `calls` ADD `interview_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `status_event` text;