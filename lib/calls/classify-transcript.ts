import type { Outcome } from "./outcome";
import type { CandidateWords } from "./words/candidate-words";

/**
 * What the candidate's words alone propose, when the agent's extraction says nothing, or says what their words
 * contradict or do not bear out. A reading of phrases is a proposal for a person, never applied by itself
 * (lib/review/hold-for-review.ts); a reschedule read from words has no time a machine could book.
 */
export function classifyWords(words: CandidateWords): Outcome {
  if (!words.transcript) {
    return { outcome: "pending", reason: "Answered, but there is neither an extraction nor a transcript: listen to the call" };
  }
  if (words.turns.length === 0) return { outcome: "pending", reason: "The candidate said nothing: call again" };
  // Asked for another time and did not refuse in the end: a reschedule, whatever time they then agreed to.
  if (words.heard.anotherTime && words.leaning !== "refusing") {
    return { outcome: "rescheduled", reason: "Asked for another time (read from their words); no new time was captured" };
  }
  switch (words.leaning) {
    case "coming":
      return { outcome: "confirmed", reason: "Candidate confirmed (read from their words)" };
    case "refusing":
      return { outcome: "declined", reason: "Candidate declined (read from their words)" };
    case "cannotThen":
      return { outcome: "pending", reason: "Said the interview time does not suit them: call again" };
    case "unsure":
      return { outcome: "pending", reason: "The candidate has not decided yet: call again" };
    case "callBack":
      return { outcome: "pending", reason: "Asked to be called back" };
    default:
      return { outcome: "pending", reason: "Unclear: call again" };
  }
}
