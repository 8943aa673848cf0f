-- #12: sign_in_throttle replaces login_throttle (keyed by an unbounded email, never purged): bounded keys for the
-- per-address, per-account-and-client and per-account sign-in counters, each row with an expiry that the purge
-- reads. user_events: the audit trail of user management (created, role changed, (de)activated, unlocked).
-- The old table held only short-lived failure counts: dropping it loses nothing that matters.
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttle_expires_idx` ON `sign_in_throttle` (`expires_at`);--> statement-breakpoint
CREATE TABLE `user_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`target_user_id` text NOT NULL,
	`target_email` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `user_events_target_idx` ON `user_events` (`target_user_id`,`id`);--> statement-breakpoint
DROP TABLE `login_throttle`;