import { isTerminalStatus } from "@/lib/bolna/call-status";
import type { RetryConfig, RetryHistoryEntry, RetryableStatus } from "@/db/values";
import { retryIntervalMinutes } from "@/lib/bolna/retry-config";
import { formatInstant } from "@/lib/time/format";
import { isVoicemail, VOICEMAIL_REASON, type VoicemailFacts } from "./voicemail";

export type AttemptFacts = VoicemailFacts & {
  status: string | null;
  attempt: number;
  retryConfig: RetryConfig | null;
  scheduledAt: Date | null;
  bolnaUpdatedAt: Date | null;
  retryHistory: RetryHistoryEntry[] | null;
};

/**
 * When Bolna dials the call next: `scheduled` (a call or retry waiting for its scheduled_at) or `retry` (an
 * attempt ended in a status its retry_config retries, and Bolna has not reported the retry yet). `number` counts
 * attempts from 1; `of` is how many there can be. A pure function of the folded call, so it does not depend on
 * the order deliveries came in.
 */
export type NextAttempt = {
  kind: "scheduled" | "retry";
  at: Date | null;
  number: number;
  of: number | null;
  after: string | null;
};

const WAITING = new Set(["scheduled", "rescheduled"]);

const ENDED_BY: Record<string, string> = {
  // A completed attempt is retried only when a machine answered it.
  completed: VOICEMAIL_REASON,
  "no-answer": "No answer",
  busy: "Line busy",
  failed: "Call failed",
  error: "Call error",
};

function retriedStatus(call: AttemptFacts, config: RetryConfig): string | null {
  if (isVoicemail(call)) return config.retry_on_voicemail ? VOICEMAIL_REASON : null;
  const status = call.status as RetryableStatus;
  return config.retry_on_statuses.includes(status) ? (ENDED_BY[status] ?? status) : null;
}

export function nextAttempt(call: AttemptFacts): NextAttempt | null {
  const config = call.retryConfig;
  const of = config ? config.max_retries + 1 : null;
  if (call.status !== null && WAITING.has(call.status)) {
    if (call.attempt === 0) return { kind: "scheduled", at: call.scheduledAt, number: 1, of, after: null };
    const previous = call.retryHistory?.at(-1)?.status ?? null;
    const after = previous === null ? null : (ENDED_BY[previous] ?? previous);
    return { kind: "retry", at: call.scheduledAt, number: call.attempt + 1, of, after };
  }
  if (!config || !isTerminalStatus(call.status) || call.attempt >= config.max_retries) return null;
  const after = retriedStatus(call, config);
  if (after === null) return null;
  const retry = call.attempt + 1;
  const at = call.bolnaUpdatedAt && new Date(call.bolnaUpdatedAt.getTime() + retryIntervalMinutes(config, retry) * 60_000);
  return { kind: "retry", at, number: retry + 1, of, after };
}

/**
 * "No answer; Bolna tries again at Fri 17 Dec 2027, 15:30 IST, attempt 2 of 4" or "Scheduled: rings Mon 7 Dec
 * 2026, 09:00 PST", in the candidate's zone (the board adds the viewer's own clock).
 */
export function waitingReason(next: NextAttempt, zone: string): string {
  const when = next.at ? formatInstant(next.at, zone) : "a time Bolna has not given yet";
  // Only the calling hours schedule a first attempt: Callboard's own (scheduled_at), or the agent's guardrails.
  if (next.kind === "scheduled") return `Scheduled: rings ${when}`;
  const count = next.of ? `attempt ${next.number} of ${next.of}` : `attempt ${next.number}`;
  return `${next.after ?? "Not reached"}; Bolna tries again at ${when}, ${count}`;
}
