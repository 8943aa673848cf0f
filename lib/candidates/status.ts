/** The single list of candidate statuses: the schema, zod and the UI all read it from here. */
export const CANDIDATE_STATUSES = ["pending", "calling", "confirmed", "declined", "rescheduled", "no_answer"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  pending: "Pending",
  calling: "Calling",
  confirmed: "Confirmed",
  declined: "Declined",
  rescheduled: "Rescheduled",
  no_answer: "No answer",
};

/** What a finished call concluded; `pending` means it decided nothing (busy, failed, unsure). */
export const CALL_OUTCOMES = ["confirmed", "declined", "rescheduled", "no_answer", "pending"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * `candidate`: the candidate themselves, on the self-service page (issue #14); `review`: a person accepted or
 * corrected an outcome Callboard was unsure of (issue #15, lib/review/); `agent`: the voice agent booked a slot
 * while the candidate was on the line (POST /api/agent/book); `sweep`: an execution Callboard learnt of from
 * Bolna's executions list rather than a webhook (lib/bolna/sweep-executions.ts).
 */
export const STATUS_CHANGE_SOURCES = ["webhook", "manual", "call", "reconcile", "candidate", "review", "agent", "sweep"] as const;
export type StatusChangeSource = (typeof STATUS_CHANGE_SOURCES)[number];

/**
 * The row of the state table (lib/candidates/state-machine.ts) that put a candidate in their status, kept with it:
 * `pending` alone cannot tell "needs reconfirmation" from "awaiting review" or "never called".
 */
export const STATUS_EVENTS = [
  "added",
  "call_placed",
  "call_scheduled",
  "call_in_progress",
  "call_retrying",
  "call_ended",
  "call_outcome",
  "awaiting_review",
  "reminder_answer",
  "needs_reconfirmation",
  "set_by_hand",
  "reset",
  "confirmed_by_candidate",
  "moved_by_candidate",
  "booked_by_agent",
  "reviewed",
] as const;
export type StatusEvent = (typeof STATUS_EVENTS)[number];
