CREATE TABLE `csv_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dry_run` integer NOT NULL,
	`state` text NOT NULL,
	`created_by` text NOT NULL,
	`bytes` integer NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`valid` integer DEFAULT 0 NOT NULL,
	`invalid` integer DEFAULT 0 NOT NULL,
	`imported` integer DEFAULT 0 NOT NULL,
	`report` text,
	`error_code` text,
	`error` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `csv_imports_finished_idx` ON `csv_imports` (`finished_at`);--> statement-breakpoint
CREATE TABLE `installation` (
	`id` integer PRIMARY KEY NOT NULL,
	`uid_namespace` text NOT NULL,
	`probed_at` integer
);
--> statement-breakpoint
CREATE INDEX `self_service_links_creator_idx` ON `self_service_links` (`created_by`,`created_at`);