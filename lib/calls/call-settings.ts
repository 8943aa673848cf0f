import type { RetryConfig } from "@/db/values";
import { toRetryConfig } from "@/lib/bolna/retry-config";
import { env } from "@/lib/env";

/** The retry_config every call gets unless its batch says otherwise (CALL_RETRIES and friends); null: none. */
export function configuredRetryConfig(): RetryConfig | null {
  const config = env();
  return toRetryConfig({
    maxRetries: config.CALL_RETRIES,
    onStatuses: config.CALL_RETRY_ON,
    onVoicemail: config.CALL_RETRY_ON_VOICEMAIL,
    intervalsMinutes: config.CALL_RETRY_INTERVALS_MINUTES,
  });
}
