import { z } from "zod";
import { RETRYABLE_STATUSES, type RetryableStatus, type RetryConfig } from "@/db/values";

export const MAX_RETRIES = 3;
/** Bolna's defaults for the fields a partial retry_config leaves out. */
const DEFAULT_STATUSES: RetryableStatus[] = ["no-answer", "busy", "failed"];
const DEFAULT_INTERVALS = [30, 60, 120];

/** A retry configuration as Callboard's API and environment take it; `maxRetries: 0` turns retries off. */
/** Minutes before each retry: one to three waits of at most a week (CALL_RETRY_INTERVALS_MINUTES, a batch's `retry`). */
export const retryIntervalsMinutes = z
  .array(
    z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  )
  .min(1)
  .max(MAX_RETRIES);

export const retrySettingsInput = z.object({
  maxRetries: z.number().int().min(0).max(MAX_RETRIES),
  onStatuses: z.array(z.enum(RETRYABLE_STATUSES)).min(1).max(RETRYABLE_STATUSES.length).optional(),
  onVoicemail: z.boolean().optional(),
  intervalsMinutes: retryIntervalsMinutes.optional(),
});
export type RetrySettings = z.infer<typeof retrySettingsInput>;

/** What to send Bolna for these settings; null when they turn retries off. */
export function toRetryConfig(settings: RetrySettings): RetryConfig | null {
  if (settings.maxRetries === 0) return null;
  return {
    enabled: true,
    max_retries: settings.maxRetries,
    retry_on_statuses: [...new Set(settings.onStatuses ?? DEFAULT_STATUSES)],
    retry_on_voicemail: settings.onVoicemail ?? false,
    retry_intervals_minutes: settings.intervalsMinutes ?? DEFAULT_INTERVALS,
  };
}

const wireConfig = z.looseObject({
  enabled: z.boolean().optional().catch(undefined),
  max_retries: z.number().int().min(0).max(10).optional().catch(undefined),
  retry_on_statuses: z.array(z.string().max(40)).max(10).optional().catch(undefined),
  retry_on_voicemail: z.boolean().optional().catch(undefined),
  retry_intervals_minutes: z.array(z.number().finite().min(0).max(100_000)).max(10).optional().catch(undefined),
});

/**
 * A `retry_config` as Bolna echoes it (often partial: `{enabled, max_retries}`), with Bolna's defaults filled
 * in; null when absent, unreadable or disabled.
 */
export function readRetryConfig(value: unknown): RetryConfig | null {
  const parsed = wireConfig.safeParse(value);
  if (!parsed.success || parsed.data.enabled !== true) return null;
  const statuses = (parsed.data.retry_on_statuses ?? DEFAULT_STATUSES).filter((status): status is RetryableStatus =>
    (RETRYABLE_STATUSES as readonly string[]).includes(status),
  );
  const intervals = parsed.data.retry_intervals_minutes;
  return {
    enabled: true,
    max_retries: Math.min(MAX_RETRIES, parsed.data.max_retries ?? MAX_RETRIES),
    retry_on_statuses: statuses,
    retry_on_voicemail: parsed.data.retry_on_voicemail ?? false,
    retry_intervals_minutes: intervals && intervals.length > 0 ? intervals : DEFAULT_INTERVALS,
  };
}

/** Minutes Bolna waits before retry number `retry` (1-based); the last interval repeats when the list is short. */
export function retryIntervalMinutes(config: RetryConfig, retry: number): number {
  const intervals = config.retry_intervals_minutes;
  return intervals[Math.min(retry, intervals.length) - 1] ?? DEFAULT_INTERVALS[0]!;
}
