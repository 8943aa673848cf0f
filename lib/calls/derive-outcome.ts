import { isTerminalStatus } from "@/lib/bolna/call-status";
import type { CallOutcome } from "@/lib/candidates/status";
import { formatInstant } from "@/lib/time/format";
import { slotToInstant } from "@/lib/time/slot-time";
import { classifyTranscript } from "./classify-transcript";
import { dispositions, type Disposition } from "./disposition";
import type { Outcome } from "./outcome";
import { isVoicemail, VOICEMAIL_REASON, type VoicemailFacts } from "./voicemail";

export type CallFacts = VoicemailFacts & {
  status: string | null;
  conversationSeconds: number | null;
  extractedData: Record<string, unknown> | null;
  transcript: string | null;
  errorMessage: string | null;
};

// Reasons are sentences a recruiter reads on the board, never Bolna's or the agent's codes.
const UNANSWERED_REASON: Record<string, string> = {
  busy: "Line busy",
  failed: "Call failed",
  canceled: "Call cancelled",
  stopped: "Call stopped",
  error: "Call error",
  "balance-low": "Not placed: the Bolna wallet balance is too low",
};

const DECIDED: Record<"confirmed" | "declined", string> = {
  confirmed: "Confirmed on the call",
  declined: "Declined on the call",
};

const OUTCOME_WORDS: Record<string, CallOutcome> = {
  accepted: "confirmed",
  confirmed: "confirmed",
  rejected: "declined",
  declined: "declined",
  not_interested: "declined",
  rescheduled: "rescheduled",
};

function withDetail(reason: string, detail: string | null): string {
  if (!detail) return reason;
  return detail.toLowerCase().startsWith(reason.toLowerCase()) ? detail : `${reason}: ${detail}`;
}

function word(value: unknown): string | null {
  return typeof value === "string"
    ? value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_")
    : null;
}

/** The agent's `final_slot` is the candidate's wall-clock time: read in the candidate's zone. */
function rescheduled(data: Record<string, unknown>, zone: string): Outcome {
  const slot = data.final_slot;
  const at =
    typeof slot === "object" && slot !== null
      ? slotToInstant((slot as Record<string, unknown>).date, (slot as Record<string, unknown>).time, zone)
      : null;
  if (at) return { outcome: "rescheduled", reason: `Asked to move to ${formatInstant(at, zone)}`, newInterviewAt: at };
  return { outcome: "rescheduled", reason: "Asked to move the interview; the new time could not be read" };
}

function decided(outcome: CallOutcome, data: Record<string, unknown>, zone: string): Outcome {
  if (outcome === "rescheduled") return rescheduled(data, zone);
  if (outcome === "confirmed" || outcome === "declined") return { outcome, reason: DECIDED[outcome] };
  return { outcome, reason: "Undecided" };
}

/** The first of Bolna's dispositions whose answer is an outcome: it decides when there is no call_outcome. */
export function outcomeDisposition(data: Record<string, unknown>): Disposition | null {
  return dispositions(data).find((entry) => OUTCOME_WORDS[word(entry.objective) ?? ""]) ?? null;
}

/** What the agent's extraction says, or null when it says nothing Callboard reads. */
export function fromExtraction(data: Record<string, unknown>, zone: string): Outcome | null {
  const callOutcome = OUTCOME_WORDS[word(data.call_outcome) ?? ""];
  if (callOutcome) return decided(callOutcome, data, zone);
  const disposition = outcomeDisposition(data);
  if (disposition) return decided(OUTCOME_WORDS[word(disposition.objective)!]!, data, zone);

  // Older agents: free-form keys.
  const legacy = OUTCOME_WORDS[word(data.status) ?? ""];
  if (legacy) return decided(legacy, data, zone);
  if (data.callback_user === true) return { outcome: "pending", reason: "Asked to be called back" };
  if (data.user_interested === true) return { outcome: "confirmed", reason: `${DECIDED.confirmed} (said they are interested)` };
  if (data.user_interested === false)
    return { outcome: "declined", reason: `${DECIDED.declined} (said they are not interested)` };
  return null;
}

/**
 * What a call means for the candidate, in `zone` (the candidate's: lib/time/zone-for-phone.ts). Only a terminal
 * status decides anything: until then the call is in progress and the result is null. A voicemail is never a
 * confirmation (lib/calls/voicemail.ts). The extraction is trusted first, then legacy keys, then the candidate's
 * own words, which abstain (pending) rather than guess.
 */
export function deriveOutcome(call: CallFacts, zone: string): Outcome | null {
  const status = call.status;
  if (!isTerminalStatus(status)) return null;
  // Before anything the extraction or the transcript say: a machine cannot confirm for the candidate.
  if (isVoicemail(call)) return { outcome: "no_answer", reason: `${VOICEMAIL_REASON}: not reached, call again` };
  if (status === "no-answer") return { outcome: "no_answer", reason: withDetail("No answer", call.hangupReason) };
  if (status !== "completed") {
    return { outcome: "pending", reason: withDetail(UNANSWERED_REASON[status!] ?? status!, call.errorMessage) };
  }
  if (!call.conversationSeconds || call.conversationSeconds <= 0) {
    return { outcome: "pending", reason: withDetail("Connected, but nobody spoke", call.hangupReason) };
  }
  const extracted = call.extractedData ? fromExtraction(call.extractedData, zone) : null;
  if (extracted) return extracted;
  return classifyTranscript(call.transcript);
}
