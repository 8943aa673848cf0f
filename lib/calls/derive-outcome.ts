import { isTerminalStatus } from "@/lib/bolna/call-status";
import { classifyWords } from "./classify-transcript";
import type { Outcome } from "./outcome";
import { fromExtraction } from "./read-extraction";
import { isVoicemail, VOICEMAIL_REASON, type VoicemailFacts } from "./voicemail";
import { readCandidateWords, type CandidateWords } from "./words/candidate-words";
import { tooShort, wordsAgree, wordsContradict } from "./words/word-agreement";

export type CallFacts = VoicemailFacts & {
  status: string | null;
  /** Bolna's conversation_duration, when a delivery said more than 0. */
  conversationSeconds: number | null;
  /** A final status said conversation_duration 0 (lib/bolna/parse-execution.ts). */
  silentEnd: boolean | null;
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

const DECISIVE = new Set(["confirmed", "declined", "rescheduled"]);
export const isDecisive = (outcome: Outcome | null): boolean => outcome !== null && DECISIVE.has(outcome.outcome);

function withDetail(reason: string, detail: string | null): string {
  if (!detail) return reason;
  return detail.toLowerCase().startsWith(reason.toLowerCase()) ? detail : `${reason}: ${detail}`;
}

/**
 * Whether a person answered a completed call: Bolna's conversation_duration says so, or its final 0 says nobody
 * spoke; a body without one counts as answered when it carries the candidate's words or an extraction that
 * decides (the prototype guide's example). A machine answering is not a person.
 */
export function wasAnswered(call: CallFacts, words: CandidateWords, extracted: Outcome | null): boolean {
  if (call.status !== "completed" || isVoicemail(call) || words.machineOnly) return false;
  if (call.conversationSeconds !== null && call.conversationSeconds > 0) return true;
  if (call.silentEnd || call.conversationSeconds !== null) return false;
  return words.turns.length > 0 || isDecisive(extracted);
}

/**
 * What a call means for the candidate, in `zone` (the zone the agent spoke: the call's own, else the
 * candidate's). Only a terminal status decides anything: until then the result is null. In order: Bolna's call
 * status and voicemail detection; a machine, or someone other than the candidate, on the line; the extraction,
 * unless the candidate's own words contradict it, decided nothing ("let me think", "call me later") or are too
 * few to bear it out; the candidate's words.
 * The result is what Callboard proposes; lib/calls/outcome-confidence.ts says how sure it is and
 * lib/review/hold-for-review.ts whether it applies at once.
 */
export function deriveOutcome(
  call: CallFacts,
  zone: string,
  words: CandidateWords = readCandidateWords(call.transcript),
): Outcome | null {
  const status = call.status;
  if (!isTerminalStatus(status)) return null;
  // Before anything the extraction or the transcript say: a machine cannot confirm for the candidate.
  if (isVoicemail(call)) return { outcome: "no_answer", reason: `${VOICEMAIL_REASON}: not reached, call again` };
  if (status === "no-answer") return { outcome: "no_answer", reason: withDetail("No answer", call.hangupReason) };
  if (status !== "completed") {
    return { outcome: "pending", reason: withDetail(UNANSWERED_REASON[status!] ?? status!, call.errorMessage) };
  }
  const extracted = call.extractedData ? fromExtraction(call.extractedData, zone) : null;
  if (words.machineOnly) {
    return { outcome: "no_answer", reason: "A voicemail greeting or an automated message answered: not reached, call again" };
  }
  if (!wasAnswered(call, words, extracted)) {
    return { outcome: "pending", reason: withDetail("Connected, but nobody spoke", call.hangupReason) };
  }
  if (words.transcript && words.turns.length === 0) return classifyWords(words);
  if (words.heard.wrongNumber) return { outcome: "pending", reason: "Wrong number: someone else has this number" };
  if (words.heard.someoneElse) return { outcome: "pending", reason: "Someone else answered: call again" };
  if (!isDecisive(extracted) || words.turns.length === 0) return extracted ?? classifyWords(words);
  // The words are the candidate's own: where they contradict the extraction, or decided nothing, they are what a
  // person is shown first.
  const { outcome } = extracted!;
  if (wordsContradict(words, outcome) || words.leaning === "unsure" || words.leaning === "callBack") {
    return classifyWords(words);
  }
  if (tooShort(words) && !wordsAgree(words, outcome)) return { outcome: "pending", reason: "Too short to decide: call again" };
  return extracted;
}
