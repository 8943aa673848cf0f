/**
 * The value lists the schema's enum columns hold. They live beside the schema so that `db/` depends on nothing
 * above it; zod, the domain code and the UI read them from here, never retyped.
 */

export const ROLES = ["recruiter", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The single list of candidate statuses. */
export const CANDIDATE_STATUSES = ["pending", "calling", "confirmed", "declined", "rescheduled", "no_answer"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** What a finished call concluded; `pending` means it decided nothing (busy, failed, unsure). */
export const CALL_OUTCOMES = ["confirmed", "declined", "rescheduled", "no_answer", "pending"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * Who changed a status. `candidate`: the candidate themselves, on the self-service page; `review`: a person accepted
 * or corrected an outcome Callboard was unsure of (lib/review/); `agent`: the voice agent booked a slot while the
 * candidate was on the line (POST /api/agent/book); `sweep`: an execution Callboard learnt of from Bolna's
 * executions list rather than a webhook (lib/bolna/sweep-executions.ts).
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

/** What an accepted webhook delivery did. */
export const EVENT_RESULTS = ["applied", "duplicate", "stale", "unmatched"] as const;
export type EventResult = (typeof EVENT_RESULTS)[number];

/**
 * Why a call is placed: `confirmation` asks the candidate to confirm (or move) the interview; `reconfirmation` is
 * the reminder shortly before it (lib/reach/reconfirmation-scheduler.ts), which leaves the candidate's status
 * alone unless they say something new.
 */
export const CALL_PURPOSES = ["confirmation", "reconfirmation"] as const;
export type CallPurpose = (typeof CALL_PURPOSES)[number];

/** Bolna's telephony_data.call_type: `inbound` is a candidate calling the agent's number. */
export const CALL_DIRECTIONS = ["outbound", "inbound"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * The languages Callboard speaks with candidates: the agent (Bolna's `agent_language`), the self-service page and
 * the e-mails (messages/<code>.json). A language is offered only when all three exist, and the outcome engine's
 * corpus has cases in it.
 */
export const LANGUAGES = ["en", "hi"] as const;
export type Language = (typeof LANGUAGES)[number];

/** How sure Callboard is of a call's derived outcome (lib/calls/outcome-confidence.ts decides it). */
export const CONFIDENCE_LABELS = ["high", "medium", "low"] as const;
export type ConfidenceLabel = (typeof CONFIDENCE_LABELS)[number];

/** What a piece of evidence is about; `effect` says whether it supports the outcome or casts doubt on it. */
export type EvidenceKind =
  | "telephony"
  | "extraction"
  | "bolna_confidence"
  | "transcript"
  | "transcript_agrees"
  | "transcript_disagrees"
  | "someone_else"
  | "voicemail"
  | "short_call"
  | "no_candidate_words"
  | "unreadable_slot"
  | "no_transcript";
export type Evidence = { kind: EvidenceKind; effect: "supports" | "doubts" | "note"; detail: string };

/**
 * A review item's life: `open` until a person accepts or corrects the proposal, or until later data decides
 * for them (`superseded`: a newer call, later data of the same call, or a status set by hand).
 */
export const REVIEW_STATES = ["open", "accepted", "corrected", "superseded"] as const;

/** Whether a candidate came to the interview, marked by a recruiter once its time has passed. */
export const ATTENDANCE_MARKS = ["attended", "no_show"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

/** A reconfirmation: its call was placed (its outcome is the call's), skipped (too close, already answered), or failed. */
export const RECONFIRMATION_STATES = ["placed", "skipped", "failed"] as const;

/**
 * A message in the outbox: `queued` for the SMTP sender, `sent`, `failed` after its last retry, or `unsent` when
 * no SMTP server is configured (demo mode): then it stays here for an admin to read.
 */
export const OUTBOX_STATES = ["queued", "sent", "failed", "unsent"] as const;

/** A CSV import job (lib/csv/import-jobs.ts): waiting its turn, being read and written by the worker, or finished. */
export const IMPORT_STATES = ["queued", "running", "done", "failed"] as const;

/** The statuses after which Bolna may retry a call (reference §7). */
export const RETRYABLE_STATUSES = ["no-answer", "busy", "failed", "error"] as const;
export type RetryableStatus = (typeof RETRYABLE_STATUSES)[number];

/** Bolna's `retry_config`, in Bolna's own spelling: it is sent as is on POST /call and echoed in executions. */
export type RetryConfig = {
  enabled: boolean;
  max_retries: number;
  retry_on_statuses: RetryableStatus[];
  retry_on_voicemail: boolean;
  retry_intervals_minutes: number[];
};

/** One earlier attempt as Bolna lists it in `retry_history` (`attempt` counts from 1). */
export type RetryHistoryEntry = { attempt: number; status: string | null; at: string | null };
