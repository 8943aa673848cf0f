import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { calls, type Call, type Candidate } from "@/db/schema";
import { applyTransition } from "@/lib/candidates/apply-transition";
import { decidedSince, hasAnswered, type CandidateEvent } from "@/lib/candidates/state-machine";
import { slotHasRoom } from "@/lib/slots/slot-capacity";
import type { NextAttempt } from "./next-attempt";
import type { Outcome } from "./outcome";

type CallUpdate = {
  candidate: Candidate;
  call: Call;
  outcome: Outcome | null;
  /** The outcome waits for review (lib/review/hold-for-review.ts): `outcome` is then what the candidate shows. */
  held: boolean;
  /** When Bolna dials again (a scheduled call, a pending retry), with the words the board shows for it. */
  waiting: (NextAttempt & { reason: string }) | null;
  /** When Bolna says the event happened: a person's manual decision after it wins. */
  eventAt: Date;
  now: Date;
  /** The candidate's zone, in which reasons name times. */
  zone: string;
  source: "webhook" | "reconcile" | "sweep";
};

const statements = preparedFor((db) => ({
  callPlacedAt: db
    .select({ bolnaCreatedAt: calls.bolnaCreatedAt, createdAt: calls.createdAt })
    .from(calls)
    .where(eq(calls.id, sql.placeholder("id")))
    .prepare(),
}));

// What a call-back decides: an answer; anything less leaves an earlier answer standing.
const ANSWERS = new Set(["confirmed", "rescheduled", "declined"]);

const placedAt = (call: Pick<Call, "bolnaCreatedAt" | "createdAt">) => call.bolnaCreatedAt ?? call.createdAt;

/** An event of an older call must never override what the candidate's newer call decided. */
function isLatestCall(db: Db, candidate: Candidate, call: Call): boolean {
  if (candidate.latestCallId === null || candidate.latestCallId === call.id) return true;
  const latest = statements(db).callPlacedAt.get({ id: candidate.latestCallId });
  return !latest || placedAt(call) > placedAt(latest);
}

/**
 * What the delivery tells the state machine (lib/candidates/state-machine.ts), or null when it decides nothing.
 * A call the agent booked on (POST /api/agent/book) has decided already: its deliveries never book again nor
 * undo the booking (an outcome that disagrees goes to review, ./agent-booking.ts). A reminder call, and a
 * call-back from a candidate who had answered, move them only by answering: anything less leaves the answer
 * standing (a candidate who confirmed and rings to ask where the office is stays confirmed).
 */
function callEvent(db: Db, update: CallUpdate): CandidateEvent | null {
  const { call, candidate, outcome, waiting } = update;
  if (call.agentBookedAt) return null;
  const reminder = call.purpose === "reconfirmation";
  const callback = call.direction === "inbound";
  const keepsAnswer = reminder || (callback && (hasAnswered(candidate) || candidate.status === "declined"));
  if (outcome) {
    // An unsure answer leaves an earlier, sure one standing while a person reviews it.
    if (update.held) return keepsAnswer ? null : { kind: "held_for_review", reason: outcome.reason };
    const answer = ANSWERS.has(outcome.outcome);
    if (callback && keepsAnswer && !answer) return null;
    const chosen = outcome.outcome === "rescheduled" ? outcome.newInterviewAt : undefined;
    return {
      kind: "call_outcome",
      outcome: callback && answer ? { ...outcome, reason: `Called back: ${outcome.reason}` } : outcome,
      askedAbout: call.interviewAt,
      reminder,
      slotFree: chosen !== undefined && slotHasRoom(db, chosen, candidate.id),
      zone: update.zone,
    };
  }
  // A call going on, or waiting for a retry, leaves an answer standing.
  if (keepsAnswer) return null;
  if (waiting) return { kind: "call_waiting", retry: waiting.kind === "retry", reason: waiting.reason };
  return { kind: "call_in_progress", reason: `Call ${call.status ?? "in progress"}` };
}

/**
 * Moves the candidate to what its latest call says, through the state machine, writing one audit entry when
 * anything really changed. Runs inside the caller's transaction.
 */
export function updateCandidateFromCall(db: Db, update: CallUpdate): Candidate {
  const { candidate, call, now, waiting } = update;
  if (!isLatestCall(db, candidate, call)) return candidate;
  return applyTransition(db, candidate, decidedSince(candidate, call, update.eventAt) ? null : callEvent(db, update), {
    source: update.source,
    actor: update.source === "webhook" ? "bolna" : `bolna (${update.source})`,
    now,
    executionId: call.executionId,
    with: {
      latestCallId: call.id,
      callStatus: call.status,
      latestCallUnclear: call.outcome === "pending" && (call.conversationSeconds ?? 0) > 0,
      lastCallAt: placedAt(call),
      nextAttemptAt: waiting?.at ?? null,
      nextAttemptNumber: waiting?.number ?? null,
      lastCallbackAt: call.direction === "inbound" ? placedAt(call) : candidate.lastCallbackAt,
    },
  });
}
