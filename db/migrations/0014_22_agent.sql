CREATE TABLE `bolna_sweep` (
	`id` integer PRIMARY KEY NOT NULL,
	`watermark` integer NOT NULL,
	`pass_from` integer,
	`pass_to` integer,
	`pass_page` integer,
	`pass_oldest_open` integer,
	`last_run_at` integer,
	`last_error` text,
	`last_applied` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `calls` ADD `direction` text DEFAULT 'outbound' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `agent_booked_at` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `agent_booked_interview_at` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `transferred_at` integer;--> statement-breakpoint
ALTER TABLE `calls` ADD `transferred_to` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `language` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `do_not_call` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `candidates` ADD `do_not_call_reason` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `do_not_call_at` integer;--> statement-breakpoint
ALTER TABLE `candidates` ADD `do_not_call_by` text;--> statement-breakpoint
ALTER TABLE `candidates` ADD `last_callback_at` integer;