import type { Candidate } from "@/db/schema";
import type { Outcome } from "@/lib/calls/outcome";
import type { ChangeKind } from "@/lib/mail/queue-message";
import { formatInstant } from "@/lib/time/format";
import type { CandidateStatus, StatusEvent } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "./status";

// The one place that decides a candidate's status and its reason. Every writer (a call placed, a webhook, a
// person's override, reset or edit, the candidate's own page, the voice agent's booking, a review) describes what
// happened as an event and stores what `transition` answers; lib/candidates/state-table.ts is the same table in
// words, for the docs.

/** What a transition reads and writes of a candidate. */
export type CandidateState = Pick<
  Candidate,
  "status" | "statusReason" | "statusEvent" | "interviewAt" | "originalInterviewAt" | "requestedInterviewAt"
>;

export type CandidateEvent =
  /** A confirmation call was placed; `scheduled` when it waits for the calling hours. */
  | { kind: "call_placed"; reason: string; scheduled: boolean }
  /** Bolna reports the latest call going on (queued … in progress), nothing decided yet. */
  | { kind: "call_in_progress"; reason: string }
  /** A person ended a call Bolna had no record of (lib/calls/end-unknown-call.ts). */
  | { kind: "call_ended"; reason: string }
  /** The latest call waits: for its scheduled time (`retry: false`) or for Bolna's next attempt. */
  | { kind: "call_waiting"; retry: boolean; reason: string }
  /**
   * The latest call ended with an outcome. `askedAbout`: the interview time the call asked about (null: not
   * known, taken as the current one); `slotFree`: whether a time the candidate chose has room.
   */
  | { kind: "call_outcome"; outcome: Outcome; askedAbout: Date | null; reminder: boolean; slotFree: boolean; zone: string }
  /** An outcome Callboard is not sure of: it waits in the review queue (lib/review/). */
  | { kind: "held_for_review"; reason: string }
  | { kind: "set_by_hand"; status: CandidateStatus; reason: string }
  | { kind: "reset"; reason: string }
  /** A recruiter (form or PATCH) moved the interview. `holdsInvite`: the candidate was sent one for the old time. */
  | { kind: "moved_by_hand"; to: Date; by: string; zone: string; holdsInvite: boolean }
  | { kind: "confirmed_by_candidate" }
  | { kind: "moved_by_candidate"; to: Date; zone: string }
  /** The voice agent booked a free slot while the candidate was on the line (POST /api/agent/book). */
  | { kind: "booked_by_agent"; to: Date; zone: string }
  | { kind: "reviewed"; status: CandidateStatus; reason: string; interviewAt: Date | null };

export type Transition = {
  next: CandidateState;
  /** The candidate's message (lib/mail/candidate-messages.ts), or null. */
  message: ChangeKind | null;
  /** A person (or the candidate) decided: stamps manualStatusAt, so that older Bolna events cannot undo it. */
  byPerson: boolean;
  /** Whether an open review is over (its proposal no longer decides anything). */
  closesReview: boolean;
  /** An answer the timeline shows although the status stays ("still coming" on a reminder call). */
  answered: boolean;
};

const ANSWERED = new Set<CandidateStatus>(["confirmed", "rescheduled"]);
const ANSWERS = new Set<string>(["confirmed", "declined", "rescheduled"]);
const ANSWER_WORDS = { confirmed: "Confirmed", declined: "Declined", rescheduled: "Asked to move" } as const;

/** The candidate said they come to `interviewAt` (or asked to move it). */
export const hasAnswered = (state: Pick<CandidateState, "status">) => ANSWERED.has(state.status);

export const needsReconfirmation = (state: Pick<CandidateState, "status" | "statusEvent">) =>
  state.status === "pending" && state.statusEvent === "needs_reconfirmation";

const awaitsReview = (state: Pick<CandidateState, "status" | "statusEvent">) =>
  state.status === "pending" && state.statusEvent === "awaiting_review";

/**
 * Whether a person (an admin, a reviewer, the candidate on their page) decided after this event happened, or after
 * this call was placed: then the call no longer decides the status. A call placed before a decision asked about
 * what the decision settled (and an answer's late data must not reopen it); a call placed after it decides again.
 */
export function decidedSince(candidate: Pick<Candidate, "manualStatusAt">, call: { createdAt: Date }, eventAt: Date): boolean {
  const decided = candidate.manualStatusAt;
  return decided !== null && (eventAt <= decided || call.createdAt <= decided);
}

/** The message a change of status or interview sends (every path uses this one rule). */
export function messageFor(
  before: Pick<CandidateState, "status" | "interviewAt">,
  after: Pick<CandidateState, "status" | "interviewAt">,
): ChangeKind | null {
  const moved = before.interviewAt.getTime() !== after.interviewAt.getTime();
  if (after.status === "declined") return before.status === "declined" ? null : "declined";
  if (after.status === "rescheduled") return moved ? "rescheduled" : null;
  if (after.status === "confirmed") return before.status !== "confirmed" ? "confirmed" : moved ? "rescheduled" : null;
  return null;
}

/** The interview moves, the first booked time kept as the original (forgotten when the move goes back to it). */
function moveTo(state: CandidateState, to: Date): CandidateState {
  if (to.getTime() === state.interviewAt.getTime()) return state;
  const original = state.originalInterviewAt ?? state.interviewAt;
  return {
    ...state,
    interviewAt: to,
    originalInterviewAt: original.getTime() === to.getTime() ? null : original,
    requestedInterviewAt: null,
  };
}

/** A new status and its reason; a full slot the candidate asked for is flagged only while they stay rescheduled. */
const set = (state: CandidateState, status: CandidateStatus, statusEvent: StatusEvent, statusReason: string) => ({
  ...state,
  status,
  statusEvent,
  statusReason,
  requestedInterviewAt: status === "rescheduled" ? state.requestedInterviewAt : null,
});

/** A call's answer: applied, flagged (a full slot), or held back because it was about another time. */
function callAnswer(state: CandidateState, event: Extract<CandidateEvent, { kind: "call_outcome" }>): CandidateState {
  const { outcome, zone } = event;
  const statusEvent = event.reminder ? "reminder_answer" : "call_outcome";
  // The call moved the interview itself (the time the candidate chose): a later delivery of it is about that time.
  const ownChoice = outcome.outcome === "rescheduled" && outcome.newInterviewAt?.getTime() === state.interviewAt.getTime();
  const aboutEarlier = !ownChoice && event.askedAbout !== null && event.askedAbout.getTime() !== state.interviewAt.getTime();
  // An answer about a time that has since moved (a yes, a no, another time) says nothing about the new one: ask again.
  if (aboutEarlier && ANSWERS.has(outcome.outcome)) {
    const said = ANSWER_WORDS[outcome.outcome as keyof typeof ANSWER_WORDS];
    return set(
      state,
      "pending",
      "needs_reconfirmation",
      `Needs reconfirmation: ${said} ${formatInstant(event.askedAbout!, zone)} on the call, but the interview is now ${formatInstant(state.interviewAt, zone)}`,
    );
  }
  if (event.reminder) {
    // A reminder only moves someone who answers: "still coming" keeps their confirmation (or reschedule).
    if (outcome.outcome === "confirmed") {
      const kept = state.status === "rescheduled" ? "rescheduled" : "confirmed";
      return set(state, kept, statusEvent, "Reconfirmed on the reminder call: still coming");
    }
    if (outcome.outcome !== "declined" && outcome.outcome !== "rescheduled") return state;
  }
  const reason = event.reminder ? `Reminder call: ${outcome.reason}` : outcome.reason;
  const answered = set(state, outcome.outcome, statusEvent, reason);
  const chosen = outcome.outcome === "rescheduled" ? outcome.newInterviewAt : undefined;
  if (!chosen || chosen.getTime() === state.interviewAt.getTime()) return answered;
  if (event.slotFree) return moveTo(answered, chosen);
  return {
    ...answered,
    requestedInterviewAt: chosen,
    statusReason: `${reason}; the chosen slot is full, a recruiter must resolve it`,
  };
}

function movedByHand(state: CandidateState, event: Extract<CandidateEvent, { kind: "moved_by_hand" }>): CandidateState {
  // A recruiter's move redefines the interview: an original kept from a reschedule stays, unless this is it again.
  const backToOriginal = state.originalInterviewAt?.getTime() === event.to.getTime();
  const moved = {
    ...state,
    interviewAt: event.to,
    originalInterviewAt: backToOriginal ? null : state.originalInterviewAt,
    requestedInterviewAt: null,
  };
  const to = formatInstant(event.to, event.zone);
  // The time they chose on the call (its slot was full then): what they asked for, so nothing to ask again.
  if (state.status === "rescheduled" && state.requestedInterviewAt?.getTime() === event.to.getTime()) {
    return { ...moved, statusReason: `Moved to the time they chose, ${to}, by ${event.by}` };
  }
  // The answer (or the proposal waiting for review) was about the old time: it no longer holds.
  if (!hasAnswered(state) && !awaitsReview(state)) return moved;
  const from = formatInstant(state.interviewAt, event.zone);
  return set(moved, "pending", "needs_reconfirmation", `Needs reconfirmation: moved from ${from} to ${to} by ${event.by}`);
}

/**
 * The table: for each event, the candidate's next status, reason and interview, the message it sends, and whether
 * it is a person's decision. Declined candidates are refused by the callers where an event cannot apply to them
 * (the candidate's own page, a call into a slot that filled up).
 */
export function transition(state: CandidateState, event: CandidateEvent): Transition {
  const plain = (next: CandidateState): Transition => ({
    next,
    message: null,
    byPerson: false,
    closesReview: false,
    answered: false,
  });
  switch (event.kind) {
    case "call_placed":
      return {
        ...plain(set(state, "calling", event.scheduled ? "call_scheduled" : "call_placed", event.reason)),
        // A new call decides afresh: a proposal about the earlier call is moot.
        closesReview: true,
      };
    case "call_in_progress":
      return plain(set(state, "calling", "call_in_progress", event.reason));
    case "call_ended": {
      const next = state.status === "calling" ? set(state, "pending", "call_ended", event.reason) : state;
      return { ...plain(next), byPerson: true };
    }
    case "call_waiting":
      return plain(set(state, "calling", event.retry ? "call_retrying" : "call_scheduled", event.reason));
    case "call_outcome": {
      const next = callAnswer(state, event);
      return {
        ...plain(next),
        message: messageFor(state, next),
        answered: event.reminder && next.statusReason !== state.statusReason,
      };
    }
    case "held_for_review":
      return plain(set(state, "pending", "awaiting_review", event.reason));
    case "set_by_hand":
      // A correction of the record: the candidate is told nothing (a call or the self-service link does that).
      return { ...plain(set(state, event.status, "set_by_hand", event.reason)), byPerson: true, closesReview: true };
    case "reset": {
      const back = state.originalInterviewAt ?? state.interviewAt;
      const next = {
        ...set(state, "pending", "reset", event.reason),
        interviewAt: back,
        originalInterviewAt: null,
        requestedInterviewAt: null,
      };
      return { ...plain(next), byPerson: true, closesReview: true };
    }
    case "moved_by_hand": {
      const next = movedByHand(state, event);
      const moved = next.interviewAt.getTime() !== state.interviewAt.getTime();
      const message =
        !moved || !event.holdsInvite || next.status === "declined" ? null : hasAnswered(next) ? "rescheduled" : "moved";
      // A move that settles the status (it needs reconfirming, or a flagged request is resolved) is a decision older
      // Bolna events must not undo; otherwise a call still going on about the old time goes on deciding, and its
      // answer is held back as one about an earlier time.
      const decides = next.status !== state.status || state.requestedInterviewAt !== null;
      return { ...plain(next), message, byPerson: moved && decides, closesReview: moved };
    }
    case "confirmed_by_candidate": {
      if (hasAnswered(state)) return plain(state);
      const next = set(state, "confirmed", "confirmed_by_candidate", "Confirmed by the candidate (self-service link)");
      return { ...plain(next), message: messageFor(state, next), byPerson: true, closesReview: true };
    }
    case "moved_by_candidate": {
      const reason = `Moved to ${formatInstant(event.to, event.zone)} by the candidate (self-service link)`;
      const next = moveTo(set(state, "rescheduled", "moved_by_candidate", reason), event.to);
      return { ...plain(next), message: messageFor(state, next), byPerson: true, closesReview: true };
    }
    case "booked_by_agent": {
      // The call's decision: its own deliveries decide nothing after it (lib/calls/update-candidate.ts), so it is
      // not stamped as a person's, and a call placed later decides again as any call does.
      const reason = `Moved to ${formatInstant(event.to, event.zone)} by the voice agent during the call`;
      const next = moveTo(set(state, "rescheduled", "booked_by_agent", reason), event.to);
      return { ...plain(next), message: messageFor(state, next) };
    }
    case "reviewed": {
      const decided = set(state, event.status, "reviewed", event.reason);
      const next = event.interviewAt ? moveTo(decided, event.interviewAt) : decided;
      return { ...plain(next), message: messageFor(state, next), byPerson: true, closesReview: true };
    }
  }
}

/** "Confirmed", or "Scheduled" for a call that waits to ring: the word a status badge shows. */
export function statusLabel(candidate: Pick<Candidate, "status" | "statusEvent" | "nextAttemptAt">): string {
  if (candidate.status === "calling" && candidate.nextAttemptAt !== null) return "Scheduled";
  if (needsReconfirmation(candidate)) return "Needs reconfirmation";
  return CANDIDATE_STATUS_LABELS[candidate.status];
}
