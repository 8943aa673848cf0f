import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  ROLES,
  ATTENDANCE_MARKS,
  CONFIDENCE_LABELS,
  type Evidence,
  CALL_OUTCOMES,
  CANDIDATE_STATUSES,
  STATUS_CHANGE_SOURCES,
  STATUS_EVENTS,
  REVIEW_STATES,
  EVENT_RESULTS,
  type RetryConfig,
  type RetryHistoryEntry,
  CALL_PURPOSES,
  OUTBOX_STATES,
  RECONFIRMATION_STATES,
  CALL_DIRECTIONS,
  LANGUAGES,
  IMPORT_STATES,
} from "./values";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const createdAt = () =>
  timestamp("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const interviewSlots = sqliteTable("interview_slots", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startsAt: timestamp("starts_at").notNull().unique(),
  capacity: integer("capacity").notNull().default(1),
  createdAt: createdAt(),
});

export const candidates = sqliteTable(
  "candidates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** E.164, normalised on the way in; the phone fallback of the webhook matches on it exactly. */
    phone: text("phone").notNull().unique(),
    email: text("email"),
    position: text("position"),
    /**
     * IANA zone the candidate lives in (from the form, the API or the import). Null on rows from before it was
     * kept: lib/time/zone-for-phone.ts `candidateZone` then reads it from the phone's country.
     */
    timeZone: text("time_zone"),
    appliedAt: timestamp("applied_at"),
    interviewAt: timestamp("interview_at").notNull(),
    /** The interview as first booked; set by the first reschedule and restored by a reset. */
    originalInterviewAt: timestamp("original_interview_at"),
    /** A time the candidate chose on a call that could not be booked (slot full): a recruiter resolves it. */
    requestedInterviewAt: timestamp("requested_interview_at"),
    status: text("status", { enum: CANDIDATE_STATUSES }).notNull().default("pending"),
    statusReason: text("status_reason"),
    /**
     * Which row of the state table (lib/candidates/state-machine.ts) put the candidate where they are: it tells
     * "needs reconfirmation" or "awaiting review" (both `pending`) apart. Null on rows from before it was kept.
     */
    statusEvent: text("status_event", { enum: STATUS_EVENTS }),
    statusChangedAt: timestamp("status_changed_at").notNull(),
    /** Set by manual changes: webhook events older than this never overwrite what a person decided. */
    manualStatusAt: timestamp("manual_status_at"),
    /** The newest call (by Bolna's created_at); its status is copied here so the board needs no join. */
    latestCallId: integer("latest_call_id"),
    callStatus: text("call_status"),
    /**
     * The latest call ended after a conversation that decided nothing (its outcome pending): copied here, like its
     * status, so that "needs attention" is read from an index (lib/candidates/attention.ts) rather than the calls.
     */
    latestCallUnclear: integer("latest_call_unclear", { mode: "boolean" }).notNull().default(false),
    lastCallAt: timestamp("last_call_at"),
    /** Set while Callboard is asking Bolna to call: a second "call now" in that window is refused. */
    callRequestedAt: timestamp("call_requested_at"),
    // --- Reaching candidates ---
    /** When Bolna dials the latest call next: a call scheduled for calling hours, or a pending retry. */
    nextAttemptAt: timestamp("next_attempt_at"),
    /** Which attempt that will be, counted from 1 (1: a scheduled first call; 2 and up: Bolna's retries). */
    nextAttemptNumber: integer("next_attempt_number"),
    /**
     * The calendar invite's SEQUENCE (RFC 5545): raised whenever the interview moves or is cancelled or restored,
     * by the write that does it (lib/candidates/save-candidate.ts).
     */
    inviteSequence: integer("invite_sequence").notNull().default(0),
    // Whether the candidate came, marked by a recruiter after the interview (audited in attendance_changes).
    attendance: text("attendance", { enum: ATTENDANCE_MARKS }),
    attendanceReason: text("attendance_reason"),
    attendanceMarkedAt: timestamp("attendance_marked_at"),
    attendanceMarkedBy: text("attendance_marked_by"),
    // --- The agent on the line (tools, call-backs, languages, do-not-call) ---
    /** What the agent speaks and the candidate reads; null on rows from before it was kept: DEFAULT_LANGUAGE. */
    language: text("language", { enum: LANGUAGES }),
    /** Never called again (call now, batches, reminders) until an admin lifts it; who set it and why are audited. */
    doNotCall: integer("do_not_call", { mode: "boolean" }).notNull().default(false),
    doNotCallReason: text("do_not_call_reason"),
    doNotCallAt: timestamp("do_not_call_at"),
    doNotCallBy: text("do_not_call_by"),
    /** When the candidate's latest call-back (an inbound call from their number) was placed. */
    lastCallbackAt: timestamp("last_callback_at"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [
    // The board's "to mark" view (past interviews of confirmed or rescheduled candidates, unmarked).
    index("candidates_to_mark_idx")
      .on(table.interviewAt)
      .where(sql`${table.attendance} is null and ${table.status} in ('confirmed', 'rescheduled')`),
    // Covers the board's status filter in its default order (interview time, then id: the rowid).
    index("candidates_status_interview_idx").on(table.status, table.interviewAt),
    index("candidates_interview_at_idx").on(table.interviewAt),
    index("candidates_updated_at_idx").on(table.updatedAt),
    // "Needs attention" (lib/candidates/attention.ts), counted from indexes at any size: the rules that do not
    // depend on the clock, and the calls in progress (whose quiet time does).
    index("candidates_attention_idx")
      .on(table.status, table.interviewAt)
      .where(
        sql`${table.requestedInterviewAt} is not null or (${table.status} = 'rescheduled' and ${table.originalInterviewAt} is null and (${table.statusEvent} is null or ${table.statusEvent} in ('call_outcome', 'reminder_answer'))) or (${table.status} = 'pending' and ${table.latestCallUnclear} = 1)`,
      ),
    index("candidates_calling_idx")
      .on(table.updatedAt, table.requestedInterviewAt, table.interviewAt, table.nextAttemptAt)
      .where(sql`${table.status} = 'calling'`),
    // The do-not-call job's candidates (lib/calls/stop-pending-calls.ts), few at any size: without it the job read
    // every call once a minute, on the event loop (6 s at a million candidates).
    index("candidates_do_not_call_idx")
      .on(table.id)
      .where(sql`${table.doNotCall} = 1`),
  ],
);

export const candidateReschedulingSlots = sqliteTable(
  "candidate_rescheduling_slots",
  {
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    slotId: integer("slot_id")
      .notNull()
      .references(() => interviewSlots.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.candidateId, table.slotId] }), index("crs_slot_idx").on(table.slotId)],
);

export const BATCH_STATUSES = ["running", "cancelled", "done"] as const;
export const BATCH_ITEM_STATES = ["queued", "in_flight", "done", "failed", "cancelled"] as const;

/** A batch of calls; its state lives here so that it survives a restart. */
export const callBatches = sqliteTable("call_batches", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  status: text("status", { enum: BATCH_STATUSES }).notNull().default("running"),
  concurrency: integer("concurrency").notNull(),
  pacingMs: integer("pacing_ms").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: createdAt(),
  finishedAt: timestamp("finished_at"),
  /** This batch's Bolna retries, overriding the configuration's; null: the configuration's. */
  retryConfig: text("retry_config", { mode: "json" }).$type<RetryConfig>(),
});

export const callBatchItems = sqliteTable(
  "call_batch_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    batchId: integer("batch_id")
      .notNull()
      .references(() => callBatches.id, { onDelete: "cascade" }),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    state: text("state", { enum: BATCH_ITEM_STATES }).notNull().default("queued"),
    executionId: text("execution_id"),
    error: text("error"),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (table) => [index("call_batch_items_batch_idx").on(table.batchId, table.state)],
);

export const calls = sqliteTable(
  "calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    executionId: text("execution_id").notNull().unique(),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    status: text("status"),
    outcome: text("outcome", { enum: CALL_OUTCOMES }),
    outcomeReason: text("outcome_reason"),
    transcript: text("transcript"),
    summary: text("summary"),
    recordingUrl: text("recording_url"),
    durationSeconds: real("duration_seconds"),
    conversationSeconds: real("conversation_seconds"),
    totalCost: real("total_cost"),
    hangupBy: text("hangup_by"),
    hangupReason: text("hangup_reason"),
    errorMessage: text("error_message"),
    extractedData: text("extracted_data", { mode: "json" }).$type<Record<string, unknown>>(),
    /** Order key of the event whose status the call shows (lib/calls/fold-execution.ts: eventOrderKey). */
    stateKey: text("state_key"),
    /** Order key of the event that last set each field, so late events never blank newer ones. */
    fieldKeys: text("field_keys", { mode: "json" }).$type<Record<string, string>>(),
    bolnaCreatedAt: timestamp("bolna_created_at"),
    bolnaUpdatedAt: timestamp("bolna_updated_at"),
    lastEventAt: timestamp("last_event_at"),
    /** Who asked for the call (a user's email, `api-token`, `batch #n`); null when first seen in a webhook. */
    placedBy: text("placed_by"),
    batchId: integer("batch_id").references(() => callBatches.id, { onDelete: "set null" }),
    // --- Reaching candidates ---
    /**
     * The interview time the call asked about (the candidate's when it was placed, or first seen): an answer
     * about an earlier time never confirms a time the candidate was not asked about.
     */
    interviewAt: timestamp("interview_at"),
    /** Why the call was placed: the first confirmation call, or the reminder before the interview. */
    purpose: text("purpose", { enum: CALL_PURPOSES }).notNull().default("confirmation"),
    /** Bolna's retry_count of the attempt the call shows (0: the first attempt); see lib/calls/fold-execution.ts. */
    attempt: integer("attempt").notNull().default(0),
    answeredByVoicemail: integer("answered_by_voicemail", { mode: "boolean" }),
    /** Bolna's retry_history: the earlier attempts, for the timeline. */
    retryHistory: text("retry_history", { mode: "json" }).$type<RetryHistoryEntry[]>(),
    /** The retry_config the call was placed with (or Bolna echoed); null: no retries. */
    retryConfig: text("retry_config", { mode: "json" }).$type<RetryConfig>(),
    /** Bolna's scheduled_at of the current attempt: when a scheduled call or a retry is to ring. */
    scheduledAt: timestamp("scheduled_at"),
    /** The zone the agent spoke times in (`recipient_data.timezone`): a chosen slot is read in it. */
    spokenZone: text("spoken_zone"),
    /** A final status said conversation_duration 0 (lib/bolna/parse-execution.ts): nobody spoke. */
    silentEnd: integer("silent_end", { mode: "boolean" }),
    /** When Bolna dials next (lib/calls/next-attempt.ts); null once the call is final or ringing. */
    nextAttemptAt: timestamp("next_attempt_at"),
    // How sure the derived outcome is and why (lib/calls/outcome-confidence.ts), and the facts it reads.
    confidence: real("confidence"),
    confidenceLabel: text("confidence_label", { enum: CONFIDENCE_LABELS }),
    /** At most 8 items of at most 240 characters each. */
    confidenceEvidence: text("confidence_evidence", { mode: "json" }).$type<Evidence[]>(),
    /** The hour (0–23) in the candidate's zone when the call row was created: analytics' answer rate by hour. */
    localHour: integer("local_hour"),
    // --- The agent on the line ---
    /** `inbound`: the candidate called the agent's number (a call-back); from telephony_data.call_type. */
    direction: text("direction", { enum: CALL_DIRECTIONS }).notNull().default("outbound"),
    /** Set when the agent booked a slot during this call (POST /api/agent/book): the interview it moved to. */
    agentBookedAt: timestamp("agent_booked_at"),
    agentBookedInterviewAt: timestamp("agent_booked_interview_at"),
    /** Bolna's transfer to a person (transfer_call_data): when, and to which number. */
    transferredAt: timestamp("transferred_at"),
    transferredTo: text("transferred_to"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [
    index("calls_candidate_idx").on(table.candidateId),
    index("calls_status_idx").on(table.status),
    // The calls still open (not final, or with an attempt to come), by creation, with what the reconciler reads
    // of them (lib/calls/reconcile.ts): it reads these few instead of every call. The statuses are
    // lib/bolna/call-status.ts's TERMINAL_STATUSES.
    index("calls_open_idx")
      .on(table.createdAt, table.lastEventAt, table.nextAttemptAt, table.executionId)
      .where(
        sql`${table.status} is null or ${table.status} not in ('completed', 'no-answer', 'busy', 'failed', 'canceled', 'stopped', 'error', 'balance-low') or ${table.nextAttemptAt} is not null`,
      ),
    // The calls that still hold what was said, by creation: the retention purge reads only those past its cutoff.
    index("calls_personal_data_idx")
      .on(table.createdAt)
      .where(
        sql`${table.transcript} is not null or ${table.summary} is not null or ${table.recordingUrl} is not null or ${table.extractedData} is not null or ${table.confidenceEvidence} is not null`,
      ),
  ],
);

export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    receivedAt: timestamp("received_at").notNull(),
    senderIp: text("sender_ip"),
    source: text("source", { enum: STATUS_CHANGE_SOURCES }).notNull().default("webhook"),
    executionId: text("execution_id").notNull(),
    bolnaStatus: text("bolna_status"),
    bolnaUpdatedAt: timestamp("bolna_updated_at"),
    bodyHash: text("body_hash").notNull(),
    /** Null for duplicates: the body is already stored on the event named by duplicateOfId. */
    rawBody: text("raw_body"),
    result: text("result", { enum: EVENT_RESULTS }).notNull(),
    duplicateOfId: integer("duplicate_of_id"),
    callId: integer("call_id").references(() => calls.id, { onDelete: "cascade" }),
    candidateId: integer("candidate_id").references(() => candidates.id, { onDelete: "cascade" }),
    dismissedAt: timestamp("dismissed_at"),
  },
  (table) => [
    index("webhook_events_execution_hash_idx").on(table.executionId, table.bodyHash),
    index("webhook_events_result_idx").on(table.result, table.id),
    index("webhook_events_candidate_idx").on(table.candidateId, table.id),
    index("webhook_events_call_idx").on(table.callId, table.id),
    // Deliveries that still hold their body, by arrival: the retention purge reads only those past its cutoff.
    index("webhook_events_raw_body_idx")
      .on(table.receivedAt)
      .where(sql`${table.rawBody} is not null`),
  ],
);

export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Kept (set to null) when the candidate is deleted: the audit trail outlives the record. */
    candidateId: integer("candidate_id").references(() => candidates.id, { onDelete: "set null" }),
    candidateName: text("candidate_name").notNull(),
    fromStatus: text("from_status", { enum: CANDIDATE_STATUSES }),
    toStatus: text("to_status", { enum: CANDIDATE_STATUSES }),
    fromInterviewAt: timestamp("from_interview_at"),
    toInterviewAt: timestamp("to_interview_at"),
    source: text("source", { enum: STATUS_CHANGE_SOURCES }).notNull(),
    actor: text("actor").notNull(),
    reason: text("reason"),
    executionId: text("execution_id"),
    at: timestamp("at").notNull(),
  },
  (table) => [index("status_changes_candidate_idx").on(table.candidateId, table.id)],
);

/**
 * Every committed change, written by triggers (db/migrations/*_change_feed.sql) so that writes from any process
 * show up. The live stream (lib/live/) reads it by id; Last-Event-ID resumes from it.
 */
export const changes = sqliteTable("changes", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  kind: text("kind").notNull(),
  candidateId: integer("candidate_id"),
  at: timestamp("at").notNull(),
});

/**
 * The board's call figures, kept by triggers on `calls` (db/migrations/0005_board_search_totals.sql) in the
 * writer's own transaction: summing 300,000 calls on every board view took 400 ms. One row, id 1.
 */
export const callTotals = sqliteTable("call_totals", {
  id: integer("id").primaryKey(),
  finished: integer("finished").notNull().default(0),
  answered: integer("answered").notNull().default(0),
  conversationSeconds: real("conversation_seconds").notNull().default(0),
  conversations: integer("conversations").notNull().default(0),
  cost: real("cost").notNull().default(0),
});

export const rejectedSenders = sqliteTable(
  "rejected_senders",
  {
    ip: text("ip").primaryKey(),
    count: integer("count").notNull().default(0),
    lastReason: text("last_reason").notNull(),
    firstSeenAt: timestamp("first_seen_at").notNull(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
  },
  (table) => [uniqueIndex("rejected_senders_last_seen_idx").on(table.lastSeenAt, table.ip)],
);

// --- Reaching candidates: reconfirmation calls, self-service links, messages, a rate limit ---

/**
 * One reconfirmation per candidate and interview instant (lib/reach/reconfirmation-scheduler.ts): the unique key
 * is what makes "never twice for the same interview time" hold across restarts and processes.
 */
export const reconfirmations = sqliteTable(
  "reconfirmations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    interviewAt: timestamp("interview_at").notNull(),
    state: text("state", { enum: RECONFIRMATION_STATES }).notNull(),
    /** Why it was skipped or failed, in words. */
    reason: text("reason"),
    executionId: text("execution_id"),
    /** When the call rings (now, or the scheduled_at asked of Bolna). */
    callAt: timestamp("call_at"),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex("reconfirmations_candidate_interview_idx").on(table.candidateId, table.interviewAt)],
);

/**
 * Self-service links (lib/self-service/): the token itself is never stored, only its SHA-256; the HMAC inside
 * the token is checked first, so a row alone cannot make a token valid.
 */
export const selfServiceLinks = sqliteTable(
  "self_service_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    changesUsed: integer("changes_used").notNull().default(0),
    maxChanges: integer("max_changes").notNull(),
    lastUsedAt: timestamp("last_used_at"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index("self_service_links_candidate_idx").on(table.candidateId, table.id),
    // The per-user limit on new links (lib/self-service/link-limits.ts).
    index("self_service_links_creator_idx").on(table.createdBy, table.createdAt),
  ],
);

/**
 * Messages to candidates (a transactional outbox): the change that causes one writes its intent in its own
 * transaction (the candidate, the kind, and the interview and invite version it is about); lib/mail/mail-sender.ts
 * renders it when it first sends it, keeps what it rendered (so a retry sends the very same message, with the same
 * Message-ID) and delivers it through SMTP_URL. Without SMTP it stays here, readable by admins at /outbox.
 */
export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: integer("candidate_id").references(() => candidates.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    /** The interview the message is about and its invite's SEQUENCE, as the change left them. */
    interviewAt: timestamp("interview_at"),
    inviteSequence: integer("invite_sequence"),
    /** The self-service link a link message carries (the token is kept nowhere else). */
    linkUrl: text("link_url"),
    linkExpiresAt: timestamp("link_expires_at"),
    // What was rendered from the intent, at the first attempt to send it (null until then).
    toAddress: text("to_address"),
    subject: text("subject"),
    body: text("body"),
    /** The calendar invite (text/calendar), when the message carries one. */
    ics: text("ics"),
    icsMethod: text("ics_method"),
    /** The Message-ID header: one per row, the same on every attempt, so a repeated delivery is recognisable. */
    messageId: text("message_id"),
    state: text("state", { enum: OUTBOX_STATES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at"),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at"),
    createdAt: createdAt(),
    /**
     * The same message is never sent twice: candidate, kind, interview time, status and invite sequence
     * (lib/mail/queue-message.ts). Null for messages that may repeat (a new self-service link).
     */
    dedupeKey: text("dedupe_key"),
  },
  (table) => [
    index("outbox_messages_state_idx").on(table.state, table.nextAttemptAt),
    uniqueIndex("outbox_messages_dedupe_idx").on(table.dedupeKey),
  ],
);

/** rate-limiter-flexible's RateLimiterSQLite table (its own column names): self-service requests per address. */
export const selfServiceRateLimits = sqliteTable("self_service_rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});

/**
 * Facts about this installation (one row, id 1, made by its migration). `uidNamespace` is random per database, so
 * the calendar UIDs of two Callboards (or of one database made anew) never collide; readiness writes `probedAt`
 * to prove that the database takes writes (lib/server/readiness.ts).
 */
export const installation = sqliteTable("installation", {
  id: integer("id").primaryKey(),
  uidNamespace: text("uid_namespace").notNull(),
  probedAt: timestamp("probed_at"),
});

/**
 * CSV imports (lib/csv/import-jobs.ts): the file is read and written by a worker thread, which records its
 * progress here for the import page; the report keeps the first rows and problems. Finished ones are deleted a
 * day later (they name people).
 */
export const csvImports = sqliteTable(
  "csv_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull(),
    state: text("state", { enum: IMPORT_STATES }).notNull(),
    createdBy: text("created_by").notNull(),
    bytes: integer("bytes").notNull(),
    /** 0–1: how much of the file has been read. */
    progress: real("progress").notNull().default(0),
    rowsRead: integer("rows_read").notNull().default(0),
    valid: integer("valid").notNull().default(0),
    invalid: integer("invalid").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    /** The report once finished: the first rows and the first problems (lib/csv/import-report.ts). */
    report: text("report", { mode: "json" }).$type<unknown>(),
    /** Why it failed: an error code of lib/http/error-codes.ts (invalid_csv, …) and a sentence. */
    errorCode: text("error_code"),
    error: text("error"),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at"),
  },
  (table) => [index("csv_imports_finished_idx").on(table.finishedAt)],
);

export type CsvImport = typeof csvImports.$inferSelect;
export type Reconfirmation = typeof reconfirmations.$inferSelect;
export type SelfServiceLink = typeof selfServiceLinks.$inferSelect;
export type OutboxMessage = typeof outboxMessages.$inferSelect;

// --- Trust and insight. The review queue, the attendance audit, and the analytics rollups. ---

/**
 * An outcome Callboard was not sure enough of to apply (confidence below REVIEW_CONFIDENCE_THRESHOLD): the
 * candidate waits in `pending` while a person accepts or corrects the proposal (lib/review/). At most one open
 * item per candidate: a newer call, later data of the same call or a status set by hand supersedes it.
 */
export const reviewItems = sqliteTable(
  "review_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: integer("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    callId: integer("call_id")
      .notNull()
      .references(() => calls.id, { onDelete: "cascade" }),
    state: text("state", { enum: REVIEW_STATES }).notNull().default("open"),
    proposedStatus: text("proposed_status", { enum: CALL_OUTCOMES }).notNull(),
    proposedReason: text("proposed_reason").notNull(),
    /** For a proposed reschedule: the time the candidate chose, when it could be read. */
    proposedInterviewAt: timestamp("proposed_interview_at"),
    confidence: real("confidence").notNull(),
    confidenceLabel: text("confidence_label", { enum: CONFIDENCE_LABELS }).notNull(),
    /** The strongest doubt, in a few words ("someone else may have answered"). */
    doubt: text("doubt"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
    resolvedAt: timestamp("resolved_at"),
    /** Who accepted or corrected it (a user's e-mail, `api-token`), or what superseded it. */
    resolvedBy: text("resolved_by"),
    resolvedStatus: text("resolved_status", { enum: CANDIDATE_STATUSES }),
    resolutionReason: text("resolution_reason"),
  },
  (table) => [
    uniqueIndex("review_items_open_candidate_idx")
      .on(table.candidateId)
      .where(sql`${table.state} = 'open'`),
    index("review_items_state_idx").on(table.state, table.id),
    index("review_items_resolved_idx").on(table.resolvedAt),
  ],
);

/** Every attendance mark, with who made it and why: the candidate row keeps only the current one. */
export const attendanceChanges = sqliteTable(
  "attendance_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    candidateId: integer("candidate_id").references(() => candidates.id, { onDelete: "set null" }),
    candidateName: text("candidate_name").notNull(),
    interviewAt: timestamp("interview_at").notNull(),
    fromMark: text("from_mark", { enum: ATTENDANCE_MARKS }),
    toMark: text("to_mark", { enum: ATTENDANCE_MARKS }).notNull(),
    reason: text("reason"),
    actor: text("actor").notNull(),
    at: timestamp("at").notNull(),
  },
  (table) => [index("attendance_changes_candidate_idx").on(table.candidateId, table.id)],
);

/**
 * The rollups below are each defined once by a view of the same name with `_source` appended
 * (db/migrations/*_analytics_fold_sql.sql); lib/analytics/rebuild-analytics.ts fills them from those views in
 * bulk. Cheap counters (status counts, calls by hour, slots) are kept by triggers in the writer's transaction;
 * a candidate's funnel row is recomputed by a job a second later (lib/analytics/fold-analytics.ts). Positions
 * are '' when the candidate has none (a primary key cannot hold NULL once). Times are kept as instants, never as
 * days: a day is the team's (INTERVIEW_TIMEZONE), applied when the figures are read, so changing the zone needs
 * no rebuild. `quarter_hour` is an instant divided by 15 minutes: every zone's offset in use is a whole number
 * of quarter hours, so each of the team's days is a whole range of them.
 */

/** Candidates per status: the board's counts and total without counting a million rows. */
export const candidateStatusCounts = sqliteTable("candidate_status_counts", {
  status: text("status", { enum: CANDIDATE_STATUSES }).primaryKey(),
  count: integer("count").notNull().default(0),
});

/** One row per candidate that was ever called: where the candidate got in the funnel. */
export const analyticsCandidates = sqliteTable("analytics_candidates", {
  candidateId: integer("candidate_id")
    .primaryKey()
    .references(() => candidates.id, { onDelete: "cascade" }),
  position: text("position").notNull(),
  /** When the candidate was first called: the cohort the candidate is counted in. */
  firstCalledAt: timestamp("first_called_at").notNull(),
  calls: integer("calls").notNull(),
  cost: real("cost").notNull(),
  reached: integer("reached").notNull(),
  /** Which call first reached the candidate (1 = the first); null while nobody was reached. */
  attemptsToReach: integer("attempts_to_reach"),
  /** Ever confirmed or rescheduled, per the audit trail. */
  confirmed: integer("confirmed").notNull(),
  declined: integer("declined").notNull(),
  attended: integer("attended").notNull(),
  noShow: integer("no_show").notNull(),
});

/** analytics_candidates added up by the quarter hour of the first call and position. */
export const analyticsFunnel = sqliteTable(
  "analytics_funnel",
  {
    quarterHour: integer("quarter_hour").notNull(),
    position: text("position").notNull(),
    called: integer("called").notNull().default(0),
    reached: integer("reached").notNull().default(0),
    attemptsToReach: integer("attempts_to_reach").notNull().default(0),
    confirmed: integer("confirmed").notNull().default(0),
    declined: integer("declined").notNull().default(0),
    attended: integer("attended").notNull().default(0),
    noShow: integer("no_show").notNull().default(0),
    cost: real("cost").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.quarterHour, table.position] })],
);

/** Finished calls and those a person answered, by quarter hour of the call, position and hour in the candidate's zone. */
export const analyticsCallHours = sqliteTable(
  "analytics_call_hours",
  {
    quarterHour: integer("quarter_hour").notNull(),
    position: text("position").notNull(),
    /** -1 for calls written without a local hour. */
    localHour: integer("local_hour").notNull(),
    finished: integer("finished").notNull().default(0),
    answered: integer("answered").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.quarterHour, table.position, table.localHour] })],
);

/**
 * analytics_funnel and analytics_call_hours added up by the team's day (INTERVIEW_TIMEZONE): a cache for reads,
 * refilled when the zone changes (lib/analytics/day-cache.ts). `day` is a date, `YYYY-MM-DD`.
 */
export const analyticsFunnelDays = sqliteTable(
  "analytics_funnel_days",
  {
    day: text("day").notNull(),
    position: text("position").notNull(),
    called: integer("called").notNull(),
    reached: integer("reached").notNull(),
    attemptsToReach: integer("attempts_to_reach").notNull(),
    confirmed: integer("confirmed").notNull(),
    declined: integer("declined").notNull(),
    attended: integer("attended").notNull(),
    noShow: integer("no_show").notNull(),
    cost: real("cost").notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.position] })],
);

export const analyticsCallHoursDays = sqliteTable(
  "analytics_call_hours_days",
  {
    day: text("day").notNull(),
    position: text("position").notNull(),
    localHour: integer("local_hour").notNull(),
    finished: integer("finished").notNull(),
    answered: integer("answered").notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.position, table.localHour] })],
);

/** Candidates by interview time and position: their status and attendance (outcomes by slot, no-shows by day). */
export const analyticsSlots = sqliteTable(
  "analytics_slots",
  {
    interviewAt: timestamp("interview_at").notNull(),
    position: text("position").notNull(),
    candidates: integer("candidates").notNull().default(0),
    pending: integer("pending").notNull().default(0),
    calling: integer("calling").notNull().default(0),
    confirmed: integer("confirmed").notNull().default(0),
    declined: integer("declined").notNull().default(0),
    rescheduled: integer("rescheduled").notNull().default(0),
    noAnswer: integer("no_answer").notNull().default(0),
    attended: integer("attended").notNull().default(0),
    noShow: integer("no_show").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.interviewAt, table.position] })],
);

/**
 * The sweep of Bolna's executions list (lib/bolna/sweep-executions.ts), one row (id 1): everything created before
 * `watermark` has been seen in a final state; a pass that stopped part-way resumes at `passPage`.
 */
export const bolnaSweep = sqliteTable("bolna_sweep", {
  id: integer("id").primaryKey(),
  watermark: timestamp("watermark").notNull(),
  passFrom: timestamp("pass_from"),
  passTo: timestamp("pass_to"),
  passPage: integer("pass_page"),
  /** The oldest created_at of a call still open among the pass's pages so far (the next watermark). */
  passOldestOpen: timestamp("pass_oldest_open"),
  lastRunAt: timestamp("last_run_at"),
  lastError: text("last_error"),
  /** Executions the last finished pass applied (unknown to Callboard, or known less). */
  lastApplied: integer("last_applied").notNull().default(0),
});

export type ReviewItem = typeof reviewItems.$inferSelect;
export type AttendanceChange = typeof attendanceChanges.$inferSelect;

export type Candidate = typeof candidates.$inferSelect;
export type NewCandidate = typeof candidates.$inferInsert;
export type InterviewSlot = typeof interviewSlots.$inferSelect;
export type Call = typeof calls.$inferSelect;
export type NewCall = typeof calls.$inferInsert;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type StatusChange = typeof statusChanges.$inferSelect;
export type RejectedSender = typeof rejectedSenders.$inferSelect;
export type CallBatch = typeof callBatches.$inferSelect;
export type CallBatchItem = typeof callBatchItems.$inferSelect;

// --- Sign-in (better-auth with its admin plugin). Property names are better-auth's field names. ---

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ROLES }).notNull().default("recruiter"),
  /** A deactivated user: better-auth refuses the sign-in and drops the sessions. */
  banned: integer("banned", { mode: "boolean" }).notNull().default(false),
  banReason: text("ban_reason"),
  banExpires: timestamp("ban_expires"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at").notNull(),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at").notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("session_user_idx").on(table.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at"),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at"),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").notNull(),
  },
  (table) => [index("account_user_idx").on(table.userId)],
);

export const verification = sqliteTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at")
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [index("verification_identifier_idx").on(table.identifier)],
);

// --- Sign-in limits and the user-management audit trail. ---

/**
 * Sign-in counters shared by every way in (lib/auth/sign-in-throttle.ts): per client address, per account and
 * client, per account. Keys are bounded (a normalised email of at most 254 characters, a canonical address) and
 * every row expires: `purgeSignInThrottle` deletes rows past `expires_at`.
 */
export const signInThrottle = sqliteTable(
  "sign_in_throttle",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    windowStartedAt: timestamp("window_started_at").notNull(),
    lockedUntil: timestamp("locked_until"),
    expiresAt: timestamp("expires_at").notNull(),
  },
  (table) => [index("sign_in_throttle_expires_idx").on(table.expiresAt)],
);

export const USER_EVENT_KINDS = [
  "created",
  "role_changed",
  "deactivated",
  "reactivated",
  "unlocked",
  "password_changed",
] as const;
export type UserEventKind = (typeof USER_EVENT_KINDS)[number];

/** Who changed whose account, and how (lib/auth/user-events.ts). Kept when either user is deleted. */
export const userEvents = sqliteTable(
  "user_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: timestamp("at").notNull(),
    kind: text("kind", { enum: USER_EVENT_KINDS }).notNull(),
    /** An email, or `api-token`. */
    actor: text("actor").notNull(),
    targetUserId: text("target_user_id").notNull(),
    targetEmail: text("target_email").notNull(),
    /** What changed, for a person: `recruiter → admin`. */
    detail: text("detail"),
  },
  (table) => [index("user_events_target_idx").on(table.targetUserId, table.id)],
);

export type UserEvent = typeof userEvents.$inferSelect;

export type User = typeof user.$inferSelect;
