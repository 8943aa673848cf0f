CREATE TABLE `analytics_call_hours` (
	`quarter_hour` integer NOT NULL,
	`position` text NOT NULL,
	`local_hour` integer NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`quarter_hour`, `position`, `local_hour`)
);
--> statement-breakpoint
CREATE TABLE `analytics_call_hours_days` (
	`day` text NOT NULL,
	`position` text NOT NULL,
	`local_hour` integer NOT NULL,
	`finished` integer NOT NULL,
	`answered` integer NOT NULL,
	PRIMARY KEY(`day`, `position`, `local_hour`)
);
--> statement-breakpoint
CREATE TABLE `analytics_funnel` (
	`quarter_hour` integer NOT NULL,
	`position` text NOT NULL,
	`called` integer DEFAULT 0 NOT NULL,
	`reached` integer DEFAULT 0 NOT NULL,
	`attempts_to_reach` integer DEFAULT 0 NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`declined` integer DEFAULT 0 NOT NULL,
	`attended` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`cost` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`quarter_hour`, `position`)
);
--> statement-breakpoint
CREATE TABLE `analytics_funnel_days` (
	`day` text NOT NULL,
	`position` text NOT NULL,
	`called` integer NOT NULL,
	`reached` integer NOT NULL,
	`attempts_to_reach` integer NOT NULL,
	`confirmed` integer NOT NULL,
	`declined` integer NOT NULL,
	`attended` integer NOT NULL,
	`no_show` integer NOT NULL,
	`cost` real NOT NULL,
	PRIMARY KEY(`day`, `position`)
);
--> statement-breakpoint
DROP TABLE `analytics_calls_hourly`;--> statement-breakpoint
DROP TABLE `analytics_funnel_daily`;--> statement-breakpoint
ALTER TABLE `analytics_candidates` ADD `first_called_at` integer NOT NULL;--> statement-breakpoint
ALTER TABLE `analytics_candidates` DROP COLUMN `first_called_day`;