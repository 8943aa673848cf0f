-- "Needs attention" from indexes: the board counted it with a scan of every candidate and every call (ten seconds at
-- a million candidates). The latest call's "decided nothing" is copied onto the candidate, as its status is.
ALTER TABLE `candidates` ADD `latest_call_unclear` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `candidates` SET `latest_call_unclear` = 1
WHERE `latest_call_id` IN (SELECT `id` FROM `calls` WHERE `outcome` = 'pending' AND `conversation_seconds` > 0);--> statement-breakpoint
CREATE INDEX `candidates_attention_idx` ON `candidates` (`status`,`interview_at`) WHERE "candidates"."requested_interview_at" is not null or ("candidates"."status" = 'rescheduled' and "candidates"."original_interview_at" is null and ("candidates"."status_event" is null or "candidates"."status_event" in ('call_outcome', 'reminder_answer'))) or ("candidates"."status" = 'pending' and "candidates"."latest_call_unclear" = 1);--> statement-breakpoint
CREATE INDEX `candidates_calling_idx` ON `candidates` (`updated_at`,`requested_interview_at`,`interview_at`,`next_attempt_at`) WHERE "candidates"."status" = 'calling';