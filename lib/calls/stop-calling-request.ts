import { transcriptTurns } from "@/lib/candidates/transcript-turns";
import { dispositions } from "./disposition";

/**
 * "Stop calling me", in each language Callboard speaks, read on the candidate's own turns only (the agent may
 * well say "we will not call you again"). A request with a condition ("don't call me at work") is not one: the
 * English forms need "again", "anymore" or "stop".
 */
const STOP_CALLING: RegExp[] = [
  /(?<!\b(don't|dont|do not|never|not) )\bstop (calling|phoning|ringing)( me| this number)?\b/,
  /\b(don't|do not|never|dont) (call|phone|ring) (me|this number|here)( ever)? (again|anymore|any more)\b/,
  /\b(take|remove|delete) (me|my number|this number) (off|from) (your|the) (list|calling list|database)\b/,
  /\bdo not call list\b/,
  // Hindi, in Devanagari: "मुझे कॉल मत करो", "दोबारा फ़ोन मत कीजिए", "कॉल करना बंद करो".
  /(कॉल|काल|फ़ोन|फोन)\s*(मत|ना|न)\s*(करो|करें|करे|कीजिए|कीजिये|करिए|करिये|करना)/,
  /(कॉल|काल|फ़ोन|फोन)\s*करना\s*बंद/,
  // Hindi in Latin letters: "mujhe call mat karo", "phone karna band karo".
  /\b(call|phone|fone)\s+(mat|na|nahi|nahin)\s+(karo|karna|kijiye|kariye|karein|karen|kare)\b/,
  /\b(call|phone|fone)\s+karna\s+band\b/,
];

const YES = new Set(["yes", "true", "y", "1", "do_not_call", "stop_calling", "dnd", "do not call"]);
const STOP_WORDS = /do[\s_-]*not[\s_-]*call|stop[\s_-]*calling|\bdnd\b/;

function isYes(value: unknown): boolean {
  return value === true || (typeof value === "string" && YES.has(value.trim().toLowerCase()));
}

/** The agent's extraction: a `do_not_call` flag, a call_outcome of DO_NOT_CALL, or a disposition that says so. */
function extractionAsks(data: Record<string, unknown>): boolean {
  if (isYes(data.do_not_call) || isYes(data.stop_calling)) return true;
  if (typeof data.call_outcome === "string" && STOP_WORDS.test(data.call_outcome.toLowerCase().replace(/_/g, " "))) return true;
  return dispositions(data).some(
    (entry) =>
      (STOP_WORDS.test(entry.name.toLowerCase().replace(/_/g, " ")) && isYes(entry.objective)) ||
      (entry.objective !== null && STOP_WORDS.test(entry.objective.toLowerCase().replace(/_/g, " "))),
  );
}

function wordsAsk(transcript: string | null): boolean {
  return transcriptTurns(transcript).some(
    (turn) =>
      turn.speaker === "candidate" &&
      STOP_CALLING.some((pattern) => pattern.test(turn.text.toLowerCase().replace(/[’`]/g, "'").slice(0, 2000))),
  );
}

export type StopCallingFacts = {
  status: string | null;
  extractedData: Record<string, unknown> | null;
  transcript: string | null;
};

/**
 * Whether the person on a finished call asked not to be called again, and how Callboard knows: the agent's
 * extraction or disposition, else the candidate's own words. Null when nobody asked (or the call is not over:
 * words read early may still be contradicted by the extraction).
 */
export function stopCallingRequest(call: StopCallingFacts, terminal: boolean): string | null {
  if (!terminal) return null;
  if (call.extractedData && extractionAsks(call.extractedData))
    return "Asked on a call not to be called again (the agent's extraction)";
  if (wordsAsk(call.transcript)) return "Asked on a call not to be called again (their own words)";
  return null;
}
