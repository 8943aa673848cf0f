import { mentionsVoicemail } from "@/lib/calls/voicemail";
import { formatInstant } from "@/lib/time/format";
import type { CandidateStatus, StatusEvent } from "@/db/values";

// Plain words for the board and the candidate page; no server code (client components may import it).

const CALL_STATUS_WORDS: Record<string, string> = {
  scheduled: "Scheduled",
  queued: "Waiting to dial",
  rescheduled: "Moved by Bolna",
  initiated: "Dialling",
  ringing: "Ringing",
  "in-progress": "On the call",
  "call-disconnected": "Ended, results coming",
  completed: "Finished",
  "balance-low": "Not placed: wallet low",
  busy: "Line busy",
  "no-answer": "No answer",
  canceled: "Cancelled",
  failed: "Failed",
  stopped: "Stopped",
  error: "Error",
};

/** Bolna's status of the latest call, in words ("On the call"); a status Bolna adds later is shown as it comes. */
export function callStatusWords(status: string | null): string {
  if (status === null) return "Not called yet";
  return CALL_STATUS_WORDS[status] ?? status;
}

/** Why a candidate is still without an answer (pending or no answer). */
type PendingKind =
  | "needs_reconfirmation"
  | "awaiting_review"
  | "never_called"
  | "set_by_person"
  | "busy"
  | "failed"
  | "wallet"
  | "no_answer"
  | "voicemail"
  | "nobody_spoke"
  | "callback"
  | "unclear"
  | "stopped";

export type SituationInput = {
  status: CandidateStatus;
  statusReason: string | null;
  /** The state table's row that set the status (lib/candidates/state-machine.ts); null on older rows. */
  statusEvent: StatusEvent | null;
  callStatus: string | null;
  /** When Bolna rings next: a call waiting for calling hours, or for a retry. */
  nextAttemptAt: Date | null;
  interviewAt: Date;
  originalInterviewAt: Date | null;
  requestedInterviewAt: Date | null;
  manualStatusAt: Date | null;
  lastCallAt: Date | null;
  updatedAt: Date;
  /** Asked not to be called: no next step may be a call. */
  doNotCall?: boolean;
};

export type Situation = {
  /** What happened, as a sentence ("Line busy", "Asked to move to Thu 17 Dec 2026, 15:00 IST"). */
  summary: string;
  /** What a recruiter can do about it, or null when nothing is needed. */
  next: string | null;
  pending?: PendingKind;
  /** The interview has begun and the candidate has not answered. */
  past: boolean;
  /** No word from Bolna about the call for longer than the quiet time. */
  stuck: boolean;
  /** When a waiting call rings (the board adds the viewer's clock to the summary, which names the candidate's). */
  ringsAt?: Date;
};

const NEXT: Record<PendingKind, string> = {
  needs_reconfirmation: "Send them the self-service link, or call to reconfirm.",
  awaiting_review: "Decide it in the review queue.",
  never_called: "Call now, or add them to a batch.",
  set_by_person: "Call when ready.",
  busy: "Call again in a few minutes.",
  failed: "Check the phone number, then call again.",
  wallet: "Top up the Bolna wallet, then call again.",
  no_answer: "Call again later, at another time of day.",
  voicemail: "Call again at another time of day.",
  nobody_spoke: "Call again.",
  callback: "Call them back.",
  unclear: "Read the transcript, then set the status.",
  stopped: "Call again when ready.",
};

const SUMMARY: Partial<Record<PendingKind, string>> = {
  never_called: "Not called yet",
  busy: "Line was busy",
  wallet: "Not placed: the Bolna wallet is low",
  no_answer: "No answer",
  voicemail: "Went to voicemail",
  unclear: "The answer was unclear",
};

/** "5 min", or "20 s" for a quiet time under a minute and a half (tests set seconds). */
const duration = (ms: number) => (ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);

/** Why an unanswered candidate is where they are, read from the latest call's status and the reason kept. */
function pendingKind(input: SituationInput): PendingKind {
  const { callStatus, statusReason } = input;
  if (input.status === "pending" && input.statusEvent === "needs_reconfirmation") return "needs_reconfirmation";
  if (input.status === "pending" && input.statusEvent === "awaiting_review") return "awaiting_review";
  const setByPerson =
    input.manualStatusAt !== null && (input.lastCallAt === null || input.manualStatusAt.getTime() >= input.lastCallAt.getTime());
  if (setByPerson && input.status === "pending") return "set_by_person";
  // A voicemail is kept as no answer with its own reason (lib/calls/derive-outcome.ts): say which it was.
  if (callStatus !== null && mentionsVoicemail(statusReason)) return "voicemail";
  if (input.status === "no_answer" || callStatus === "no-answer") return "no_answer";
  if (callStatus === null) return "never_called";
  if (callStatus === "busy") return "busy";
  if (callStatus === "failed" || callStatus === "error") return "failed";
  if (callStatus === "balance-low") return "wallet";
  if (callStatus === "canceled" || callStatus === "stopped") return "stopped";
  if (statusReason?.startsWith("Connected, but nobody spoke")) return "nobody_spoke";
  if (statusReason === "Asked to be called back") return "callback";
  return "unclear";
}

const DO_NOT_CALL_NEXT = "They asked not to be called: reach them another way (e-mail, a self-service link).";

/**
 * A candidate's situation in plain words, with the next step: why they are pending, what a call is doing, what
 * they answered. `stuckAfterMs`: the quiet time after which a call without a final status counts as stuck.
 */
export function candidateSituation(input: SituationInput, now: Date, stuckAfterMs: number): Situation {
  const situation = situationOf(input, now, stuckAfterMs);
  return input.doNotCall && situation.next ? { ...situation, next: DO_NOT_CALL_NEXT } : situation;
}

function situationOf(input: SituationInput, now: Date, stuckAfterMs: number): Situation {
  const past = input.interviewAt.getTime() <= now.getTime();
  const unanswered = input.status === "pending" || input.status === "no_answer" || input.status === "calling";
  const pastNext = "The interview time has passed: move it to a new time, or set the status.";
  // A call waiting for its time is quiet by design: it is stuck only once that time has gone by unheard.
  const quietSince = Math.max(input.updatedAt.getTime(), input.nextAttemptAt?.getTime() ?? 0);
  const stuck = input.status === "calling" && quietSince < now.getTime() - stuckAfterMs;
  const base = { past: past && unanswered, stuck };
  switch (input.status) {
    case "calling":
      if (stuck) {
        return {
          ...base,
          summary: `No word from Bolna for over ${duration(stuckAfterMs)}`,
          next: "Check with Bolna; if Bolna has no record of the call, end it.",
        };
      }
      if (input.nextAttemptAt) {
        return { ...base, summary: input.statusReason ?? "Scheduled", next: null, ringsAt: input.nextAttemptAt };
      }
      return { ...base, summary: callStatusWords(input.callStatus), next: null };
    case "pending":
    case "no_answer": {
      const kind = pendingKind(input);
      const summary = SUMMARY[kind] ?? input.statusReason ?? "Pending";
      return { ...base, pending: kind, summary, next: past ? pastNext : NEXT[kind] };
    }
    case "rescheduled":
      if (input.requestedInterviewAt)
        return { ...base, summary: "Chose a time that is full", next: "Arrange a time with them, then edit the interview." };
      if (!input.originalInterviewAt && fromACall(input))
        return { ...base, summary: "Asked to move; no new time was agreed", next: "Agree a new time, then edit the interview." };
      return { ...base, summary: input.statusReason ?? "Rescheduled", ...stillRinging(input) };
    case "confirmed":
      return { ...base, summary: input.statusReason ?? "Confirmed", ...stillRinging(input) };
    case "declined":
      return { ...base, summary: input.statusReason ?? "Declined", ...stillRinging(input) };
  }
}

/** The status came from a call's answer (or from before the state table kept where it came from). */
const fromACall = (input: SituationInput) =>
  input.statusEvent === null || input.statusEvent === "call_outcome" || input.statusEvent === "reminder_answer";

/** An answer given while a call placed before it still waits to ring (it no longer decides anything). */
function stillRinging(input: SituationInput): Pick<Situation, "next"> {
  if (!input.nextAttemptAt) return { next: null };
  return { next: "A call placed before this answer still waits to ring: stop it on their page if it is no longer needed." };
}

const ANSWERED: Partial<Record<CandidateStatus, string>> = {
  confirmed: "already confirmed",
  declined: "already declined",
  rescheduled: "already asked to move the interview",
};

/**
 * Why "Call now" should ask first, or null: the candidate already answered (a call would ask them again), or
 * the interview has passed (the agent would ask about a time that has gone by). `zone`: the candidate's.
 */
export function callAskFirst(
  input: Pick<SituationInput, "status" | "interviewAt"> & { name: string },
  zone: string,
  now: Date,
): { reason: string; past: boolean } | null {
  if (input.interviewAt.getTime() <= now.getTime()) {
    return {
      past: true,
      reason: `The interview (${formatInstant(input.interviewAt, zone)}) has passed: the agent would ask ${input.name} to confirm a time that has gone by. Move the interview to a new time first if you can.`,
    };
  }
  const answered = ANSWERED[input.status];
  return answered ? { past: false, reason: `${input.name} ${answered}. A new call asks them again.` } : null;
}
