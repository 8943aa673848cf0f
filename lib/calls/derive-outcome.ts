import { isTerminalStatus } from "@/lib/bolna/call-status";
import type { CallOutcome } from "@/lib/candidates/status";
import { slotToInstant } from "@/lib/time/slot-time";
import { classifyTranscript } from "./classify-transcript";
import { dispositions, type Disposition } from "./disposition";
import type { Outcome } from "./outcome";

export type CallFacts = {
  status: string | null;
  conversationSeconds: number | null;
  extractedData: Record<string, unknown> | null;
  transcript: string | null;
  hangupReason: string | null;
  errorMessage: string | null;
};

const UNANSWERED_REASON: Record<string, string> = {
  busy: "Line busy",
  failed: "Call failed",
  canceled: "Call canceled",
  stopped: "Call stopped",
  error: "Call error",
  "balance-low": "Bolna wallet balance too low",
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

function rescheduled(data: Record<string, unknown>, zone: string, source: string): Outcome {
  const slot = data.final_slot;
  const at =
    typeof slot === "object" && slot !== null
      ? slotToInstant((slot as Record<string, unknown>).date, (slot as Record<string, unknown>).time, zone)
      : null;
  if (at) return { outcome: "rescheduled", reason: `Rescheduled (${source})`, newInterviewAt: at };
  return { outcome: "rescheduled", reason: `Asked to reschedule; the new slot could not be read (${source})` };
}

/** The first of Bolna's dispositions whose answer is an outcome: it decides when there is no call_outcome. */
export function outcomeDisposition(data: Record<string, unknown>): Disposition | null {
  return dispositions(data).find((entry) => OUTCOME_WORDS[word(entry.objective) ?? ""]) ?? null;
}

/** What the agent's extraction says, or null when it says nothing Callboard reads. */
export function fromExtraction(data: Record<string, unknown>, zone: string): Outcome | null {
  const callOutcome = OUTCOME_WORDS[word(data.call_outcome) ?? ""];
  if (callOutcome === "rescheduled") return rescheduled(data, zone, "call_outcome");
  if (callOutcome) return { outcome: callOutcome, reason: `${word(data.call_outcome)!.toUpperCase()} (call_outcome)` };
  const disposition = outcomeDisposition(data);
  if (disposition) {
    const decided = OUTCOME_WORDS[word(disposition.objective)!]!;
    const source = `disposition ${disposition.name}`;
    if (decided === "rescheduled") return rescheduled(data, zone, source);
    return { outcome: decided, reason: `${word(disposition.objective)!.toUpperCase()} (${source})` };
  }

  // Older agents: free-form keys.
  const legacy = OUTCOME_WORDS[word(data.status) ?? ""];
  if (legacy === "rescheduled") return rescheduled(data, zone, "status");
  if (legacy) return { outcome: legacy, reason: `Extracted status "${word(data.status)}"` };
  if (data.callback_user === true) return { outcome: "pending", reason: "Candidate asked to be called back" };
  if (data.user_interested === true) return { outcome: "confirmed", reason: "Extracted user_interested = true" };
  if (data.user_interested === false) return { outcome: "declined", reason: "Extracted user_interested = false" };
  return null;
}

/**
 * What a call means for the candidate. Only a terminal status decides anything: until then the call is in
 * progress and the result is null. The extraction is trusted first, then legacy keys, then the candidate's own
 * words, which abstain (pending) rather than guess.
 */
export function deriveOutcome(call: CallFacts, zone: string): Outcome | null {
  const status = call.status;
  if (!isTerminalStatus(status)) return null;
  if (status === "no-answer") return { outcome: "no_answer", reason: withDetail("No answer", call.hangupReason) };
  if (status !== "completed") {
    return { outcome: "pending", reason: withDetail(UNANSWERED_REASON[status!] ?? status!, call.errorMessage) };
  }
  if (!call.conversationSeconds || call.conversationSeconds <= 0) {
    return { outcome: "pending", reason: withDetail("Completed without a conversation", call.hangupReason) };
  }
  const extracted = call.extractedData ? fromExtraction(call.extractedData, zone) : null;
  if (extracted) return extracted;
  return classifyTranscript(call.transcript);
}
