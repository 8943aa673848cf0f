import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { calls, candidates, webhookEvents, type Call, type Candidate } from "@/db/schema";
import { callLocalHour } from "@/lib/analytics/local-hour";
import type { Execution } from "@/lib/bolna/parse-execution";
import type { CandidateStatus, EventResult } from "@/db/values";
import { env } from "@/lib/env";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { deriveOutcome } from "./derive-outcome";
import { nextAttempt, waitingReason } from "./next-attempt";
import { holdForReview } from "@/lib/review/hold-for-review";
import { syncReview } from "@/lib/review/sync-review";
import { assessOutcome } from "./outcome-confidence";
import { eventOrderKey, FOLDED_FIELDS, foldExecution, type CallState } from "./fold-execution";
import { updateCandidateFromCall } from "./update-candidate";
import { agentBookingConflict } from "./agent-booking";
import { stopCallingRequest } from "./stop-calling-request";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import { markDoNotCall } from "@/lib/candidates/do-not-call";
import { readCandidateWords } from "./words/candidate-words";

export type Delivery = {
  execution: Execution;
  rawBody: string;
  bodyHash: string;
  senderIp: string | null;
  receivedAt: Date;
  /** `sweep`: found in Bolna's executions list (lib/bolna/sweep-executions.ts) rather than delivered. */
  source: "webhook" | "reconcile" | "sweep";
  /** Set when an admin links an unmatched delivery to a candidate by hand. */
  candidateId?: number;
};

/**
 * `timezone`: INTERVIEW_TIMEZONE, for a candidate whose own zone is unknown (lib/time/zone-for-phone.ts);
 * `reviewBelow`: the confidence under which an outcome waits for review (default REVIEW_CONFIDENCE_THRESHOLD).
 */
export type ApplyConfig = { timezone: string; defaultCountry: string; reviewBelow?: number };

export type Applied = {
  result: EventResult;
  eventId: number;
  candidateId: number | null;
  candidateStatus: CandidateStatus | null;
  callStatus: string | null;
};

// What a delivery may change on its call: the fold's state, then what is derived from it.
const CALL_UPDATE = [
  "status",
  "bolnaUpdatedAt",
  "stateKey",
  "fieldKeys",
  ...FOLDED_FIELDS,
  "attempt",
  "retryConfig",
  "nextAttemptAt",
  "outcome",
  "outcomeReason",
  "confidence",
  "confidenceLabel",
  "confidenceEvidence",
  "transferredAt",
  "transferredTo",
  "lastEventAt",
  "updatedAt",
] as const satisfies readonly (keyof Call)[];

const EVENT_INSERT = [
  "receivedAt",
  "senderIp",
  "source",
  "executionId",
  "bolnaStatus",
  "bolnaUpdatedAt",
  "bodyHash",
  "rawBody",
  "result",
  "duplicateOfId",
  "callId",
  "candidateId",
] as const;

const statements = preparedFor((db) => ({
  earlierDelivery: db
    .select({ id: webhookEvents.id, callId: webhookEvents.callId, candidateId: webhookEvents.candidateId })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.executionId, sql.placeholder("executionId")),
        eq(webhookEvents.bodyHash, sql.placeholder("bodyHash")),
        ne(webhookEvents.result, "unmatched"),
      ),
    )
    // No LIMIT: `get` reads the first row only, and a bound LIMIT doubled the statement's cost (8.6 against 4.1 µs).
    .prepare(),
  callByExecution: db
    .select()
    .from(calls)
    .where(eq(calls.executionId, sql.placeholder("executionId")))
    .prepare(),
  candidateById: db
    .select()
    .from(candidates)
    .where(eq(candidates.id, sql.placeholder("id")))
    .prepare(),
  candidateByPhone: db
    .select()
    .from(candidates)
    .where(eq(candidates.phone, sql.placeholder("phone")))
    .prepare(),
  insertEvent: db
    .insert(webhookEvents)
    .values(placeholders(webhookEvents, EVENT_INSERT))
    .returning({ id: webhookEvents.id })
    .prepare(),
  insertCall: db
    .insert(calls)
    .values(
      placeholders(calls, [
        "executionId",
        "candidateId",
        "direction",
        "purpose",
        "bolnaCreatedAt",
        "interviewAt",
        "localHour",
        "createdAt",
        "updatedAt",
      ]),
    )
    .returning()
    .prepare(),
  updateCall: db
    .update(calls)
    .set(placeholders(calls, CALL_UPDATE))
    .where(eq(calls.id, sql.placeholder("id")))
    .prepare(),
}));

function findCandidateByPhone(db: Db, phones: string[], defaultCountry: string): Candidate | undefined {
  const normalized = new Set(phones.map((phone) => normalizePhone(phone, defaultCountry)));
  for (const phone of normalized) {
    const found = phone === null ? undefined : statements(db).candidateByPhone.get({ phone });
    if (found) return found;
  }
  return undefined;
}

function callState(call: Call): CallState {
  return { ...call, fieldKeys: call.fieldKeys ?? {} };
}

function insertEvent(
  db: Db,
  delivery: Delivery,
  result: EventResult,
  links: { callId?: number; candidateId?: number; duplicateOfId?: number },
): number {
  const { execution } = delivery;
  return statements(db).insertEvent.get({
    receivedAt: delivery.receivedAt,
    senderIp: delivery.senderIp,
    source: delivery.source,
    executionId: execution.executionId,
    bolnaStatus: execution.status,
    bolnaUpdatedAt: execution.updatedAt?.date ?? null,
    bodyHash: delivery.bodyHash,
    rawBody: links.duplicateOfId ? null : delivery.rawBody,
    result,
    duplicateOfId: links.duplicateOfId ?? null,
    callId: links.callId ?? null,
    candidateId: links.candidateId ?? null,
  })!.id;
}

/**
 * Records one delivery and applies it to its call and candidate. It must run inside an IMMEDIATE transaction
 * (the webhook's group commit, or `applyExecution`): the event row, the call, the candidate and the audit entry
 * commit together or not at all, and two deliveries of the same execution never interleave their read-then-write.
 */
export function applyDelivery(db: Db, delivery: Delivery, config: ApplyConfig): Applied {
  const { execution } = delivery;
  const query = statements(db);
  const earlier = query.earlierDelivery.get({ executionId: execution.executionId, bodyHash: delivery.bodyHash });
  if (earlier) {
    const eventId = insertEvent(db, delivery, "duplicate", {
      callId: earlier.callId ?? undefined,
      candidateId: earlier.candidateId ?? undefined,
      duplicateOfId: earlier.id,
    });
    const candidate = earlier.candidateId === null ? undefined : query.candidateById.get({ id: earlier.candidateId });
    return {
      result: "duplicate",
      eventId,
      candidateId: candidate?.id ?? null,
      candidateStatus: candidate?.status ?? null,
      callStatus: candidate?.callStatus ?? null,
    };
  }

  let call = query.callByExecution.get({ executionId: execution.executionId });
  let candidate = call
    ? query.candidateById.get({ id: call.candidateId })
    : delivery.candidateId !== undefined
      ? query.candidateById.get({ id: delivery.candidateId })
      : findCandidateByPhone(db, execution.phones, config.defaultCountry);
  if (!candidate) {
    const eventId = insertEvent(db, delivery, "unmatched", {});
    return { result: "unmatched", eventId, candidateId: null, candidateStatus: null, callStatus: null };
  }
  // The execution → candidate mapping, for a call first seen in a webhook.
  call ??= query.insertCall.get({
    executionId: execution.executionId,
    candidateId: candidate.id,
    direction: execution.direction,
    // Before Bolna's answer, only the echoed user_data says a call is a reminder (lib/bolna/parse-execution.ts).
    purpose: execution.purpose ?? "confirmation",
    bolnaCreatedAt: execution.createdAt?.date ?? null,
    // Placed elsewhere (or before Callboard heard back from Bolna): it asks about the interview as it is now.
    interviewAt: candidate.interviewAt,
    localHour: callLocalHour(candidate, delivery.receivedAt, config.timezone),
    createdAt: delivery.receivedAt,
    updatedAt: delivery.receivedAt,
  })!;

  const key = eventOrderKey(execution, delivery.bodyHash);
  const fold = foldExecution(callState(call), execution, key);
  // A retry Bolna will still make, or a call waiting for its scheduled time, has decided nothing yet.
  const zone = candidateZone(candidate, config.timezone);
  const next = nextAttempt(fold.state);
  // A slot the candidate chose is read in the zone the agent spoke it in: the call's own, else the candidate's.
  const spokenZone = fold.state.spokenZone ?? zone;
  const words = next ? null : readCandidateWords(fold.state.transcript);
  const outcome = words && deriveOutcome(fold.state, spokenZone, words);
  const waiting = next && { ...next, reason: waitingReason(next, zone) };
  // How sure the outcome is, and whether it applies now or waits for a person (lib/review/).
  const answeredByVoicemail = fold.state.answeredByVoicemail === true;
  const trust = outcome && words && assessOutcome({ ...fold.state, answeredByVoicemail }, outcome, spokenZone, words);
  const held = holdForReview(outcome, trust, config.reviewBelow ?? env().REVIEW_CONFIDENCE_THRESHOLD);
  // A call the agent booked on proposes only what disagrees with the booking (./agent-booking.ts).
  const proposal = call.agentBookedAt ? agentBookingConflict(call, outcome, trust, zone) : held.proposal;
  const derived = {
    nextAttemptAt: next?.at ?? null,
    outcome: outcome?.outcome ?? null,
    outcomeReason: outcome?.reason ?? waiting?.reason ?? null,
    confidence: trust?.confidence ?? null,
    confidenceLabel: trust?.label ?? null,
    confidenceEvidence: trust?.evidence ?? null,
    // A transfer to a person, once known, stays on the call (a later delivery may leave the field out).
    transferredAt:
      call.transferredAt ??
      (execution.transfer ? (execution.transfer.at ?? execution.updatedAt?.date ?? delivery.receivedAt) : null),
    transferredTo: call.transferredTo ?? execution.transfer?.to ?? null,
  };
  query.updateCall.run({
    ...fold.state,
    ...derived,
    id: call.id,
    lastEventAt: delivery.receivedAt,
    updatedAt: delivery.receivedAt,
  });
  call = { ...call, ...fold.state, ...derived };

  const eventAt = execution.updatedAt?.date ?? delivery.receivedAt;
  candidate = updateCandidateFromCall(db, {
    candidate,
    call,
    outcome: held.applied,
    held: held.proposal !== null,
    waiting,
    eventAt,
    now: delivery.receivedAt,
    zone,
    source: delivery.source,
  });
  syncReview(db, { candidate, call, proposal, eventAt, now: delivery.receivedAt });
  // "Stop calling me": the candidate is never called again (the calls Bolna still has are stopped by a job).
  const stopCalling = stopCallingRequest(fold.state, isTerminalStatus(fold.state.status) && !next);
  if (stopCalling && candidate.latestCallId === call.id) {
    candidate = markDoNotCall(db, candidate, {
      reason: stopCalling,
      by: delivery.source === "webhook" ? "bolna" : `bolna (${delivery.source})`,
      source: delivery.source,
      now: delivery.receivedAt,
    });
  }

  const result: EventResult = fold.newest ? "applied" : "stale";
  const eventId = insertEvent(db, delivery, result, { callId: call.id, candidateId: candidate.id });
  return { result, eventId, candidateId: candidate.id, candidateStatus: candidate.status, callStatus: candidate.callStatus };
}

/** One delivery in its own transaction (reconciliation, a delivery an admin links by hand). */
export function applyExecution(db: Db, delivery: Delivery, config: ApplyConfig): Applied {
  return db.transaction(() => applyDelivery(db, delivery, config), { behavior: "immediate" });
}
