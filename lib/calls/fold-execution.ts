import { statusRank } from "@/lib/bolna/call-status";
import type { Execution } from "@/lib/bolna/parse-execution";

/**
 * Bolna delivers one event per status change, in no guaranteed order and sometimes twice. Each event gets an
 * order key (how far along the call it is, then Bolna's updated_at, then the body hash to break ties), and
 * every field of a call keeps the value of the highest-keyed event that carried it. That rule is a per-field
 * maximum, so any order of the same events folds to the same call, and a late event can neither move a
 * finished call back nor blank a field that a later state filled. The status is such a field too: a delivery
 * without one (missing or "") ranks with the statuses Callboard does not know yet, so it must not decide it.
 */
export function eventOrderKey(execution: Execution, bodyHash: string): string {
  const micros = Math.max(0, execution.updatedAt?.micros ?? 0);
  return `${statusRank(execution.status)}:${String(micros).padStart(17, "0")}:${bodyHash}`;
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
    changed = state.status !== execution.status;
    state.status = execution.status;
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
  return { state, newest, changed };
}
