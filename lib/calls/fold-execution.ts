import { statusRank } from "@/lib/bolna/call-status";
import type { Execution } from "@/lib/bolna/parse-execution";
import type { RetryConfig, RetryHistoryEntry } from "@/db/values";

/**
 * Bolna delivers one event per status change, in no guaranteed order and sometimes twice. Each event gets an
 * order key (the attempt, how far along the call it is, then Bolna's updated_at, then the body hash to break
 * ties), and every field of a call keeps the value of the highest-keyed event that carried it. That rule is a
 * per-field maximum, so any order of the same events folds to the same call, and a late event can neither move
 * a finished call back nor blank a field that a later state filled. The status is such a field too: a delivery
 * without one (missing or "") ranks with the statuses Callboard does not know yet, so it must not decide it.
 *
 * The attempt comes first: Bolna retries a call under the same execution id (retry_count 1, 2, 3), going from a
 * terminal status back to `scheduled`, so any event of a later attempt outranks every event of an earlier one.
 * Keys stored before attempts existed were rewritten with the prefix `00:` (db/migrations/*_reach_sql.sql).
 */
export function eventOrderKey(execution: Execution, bodyHash: string): string {
  const micros = Math.max(0, execution.updatedAt?.micros ?? 0);
  const attempt = String(execution.attempt).padStart(2, "0");
  return `${attempt}:${statusRank(execution.status)}:${String(micros).padStart(17, "0")}:${bodyHash}`;
}

/** The attempt an order key belongs to. */
export function keyAttempt(key: string): number {
  return Number(key.slice(0, 2));
}

export type CallState = {
  status: string | null;
  transcript: string | null;
  summary: string | null;
  recordingUrl: string | null;
  durationSeconds: number | null;
  conversationSeconds: number | null;
  totalCost: number | null;
  hangupBy: string | null;
  hangupReason: string | null;
  errorMessage: string | null;
  extractedData: Record<string, unknown> | null;
  answeredByVoicemail: boolean | null;
  retryHistory: RetryHistoryEntry[] | null;
  retryConfig: RetryConfig | null;
  scheduledAt: Date | null;
  /** The zone the agent spoke (lib/bolna/parse-execution.ts), in which the candidate's chosen slot is read. */
  spokenZone: string | null;
  /** Bolna said at a final status that nobody spoke (conversation_duration 0), which a body without it does not. */
  silentEnd: boolean | null;
  /** The latest attempt any event spoke of (Bolna's retry_count). */
  attempt: number;
  bolnaUpdatedAt: Date | null;
  stateKey: string | null;
  fieldKeys: Record<string, string>;
};

/** A call before any event: the state the first delivery folds into. */
export const EMPTY_CALL_STATE: CallState = {
  status: null,
  transcript: null,
  summary: null,
  recordingUrl: null,
  durationSeconds: null,
  conversationSeconds: null,
  totalCost: null,
  hangupBy: null,
  hangupReason: null,
  errorMessage: null,
  extractedData: null,
  answeredByVoicemail: null,
  retryHistory: null,
  retryConfig: null,
  scheduledAt: null,
  spokenZone: null,
  silentEnd: null,
  attempt: 0,
  bolnaUpdatedAt: null,
  stateKey: null,
  fieldKeys: {},
};

/** The fields each event may fill, each kept from the highest-keyed event that carried it. */
export const FOLDED_FIELDS = [
  "transcript",
  "summary",
  "recordingUrl",
  "durationSeconds",
  "conversationSeconds",
  "totalCost",
  "hangupBy",
  "hangupReason",
  "errorMessage",
  "extractedData",
  "answeredByVoicemail",
  "retryHistory",
  "spokenZone",
  "silentEnd",
] as const satisfies readonly (keyof Execution & keyof CallState)[];

// Before a call ends Bolna reports 0, "" or null for what it does not know yet: none of them is a value.
function carriesValue(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  if (typeof value === "number") return value > 0;
  return true;
}

/** `newest`: this delivery decided the call's status (the highest-keyed one that carried a status). */
export type Fold = { state: CallState; newest: boolean; changed: boolean };

export function foldExecution(current: CallState, execution: Execution, key: string): Fold {
  const state: CallState = { ...current, fieldKeys: { ...current.fieldKeys } };
  let changed = false;
  const newest = execution.status !== null && (current.stateKey === null || key > current.stateKey);
  if (newest) {
    changed = state.status !== execution.status || state.scheduledAt?.getTime() !== execution.scheduledAt?.getTime();
    state.status = execution.status;
    // When a scheduled call or retry rings belongs to the status it comes with (every Bolna body carries one).
    state.scheduledAt = execution.scheduledAt;
    state.stateKey = key;
  }
  const updatedAt = execution.updatedAt?.date;
  if (updatedAt && (!state.bolnaUpdatedAt || updatedAt > state.bolnaUpdatedAt)) {
    state.bolnaUpdatedAt = updatedAt;
    changed = true;
  }
  for (const field of FOLDED_FIELDS) {
    const value = execution[field];
    const setBy = state.fieldKeys[field];
    if (!carriesValue(value) || (setBy !== undefined && setBy >= key)) continue;
    (state as Record<string, unknown>)[field] = value;
    state.fieldKeys[field] = key;
    changed = true;
  }
  // The configuration the call was placed with is kept; a call first seen in a webhook takes Bolna's echo of it.
  if (state.retryConfig === null && execution.retryConfig !== null) {
    state.retryConfig = execution.retryConfig;
    changed = true;
  }
  if (execution.attempt > state.attempt) {
    state.attempt = execution.attempt;
    changed = true;
  }
  // Every folded field belongs to the attempt that set it, and a retry starts a new conversation: an earlier
  // attempt's transcript, recording or extraction is hidden once a later attempt is known, and its key stays, so
  // a late delivery of that earlier attempt cannot bring it back. Which value shows is thereby still a function
  // of the set of events (the highest key per field, and the highest attempt), whatever their order.
  for (const field of FOLDED_FIELDS) {
    const setBy = state.fieldKeys[field];
    if (setBy === undefined || keyAttempt(setBy) >= state.attempt || state[field] === null) continue;
    (state as Record<string, unknown>)[field] = null;
    changed = true;
  }
  return { state, newest, changed };
}
