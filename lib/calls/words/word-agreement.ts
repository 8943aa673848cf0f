import type { CallOutcome } from "@/db/values";
import type { CandidateWords, Leaning } from "./candidate-words";

type Decisive = Extract<CallOutcome, "confirmed" | "declined" | "rescheduled">;

// Confirming and rescheduling both mean coming: only a refusal contradicts either; a decline is contradicted by
// any sign that they want to come. A time that does not suit them contradicts a plain confirmation only. A
// candidate who said both that they would come and that they would not contradicts every decision.
const CONTRADICTS: Record<Decisive, Leaning[]> = {
  confirmed: ["refusing", "anotherTime", "cannotThen"],
  declined: ["coming", "anotherTime"],
  rescheduled: ["refusing"],
};
const AGREES: Record<Decisive, Leaning[]> = {
  confirmed: ["coming"],
  declined: ["refusing"],
  rescheduled: ["anotherTime", "cannotThen"],
};

/** A candidate who said fewer than this many words, or one turn only, said too little to read on its own. */
const SHORT_CALL_WORDS = 4;

const decisive = (outcome: CallOutcome): outcome is Decisive =>
  outcome === "confirmed" || outcome === "declined" || outcome === "rescheduled";

/** Whether the words say the same as `outcome`; a bare "yes" ("haan ji", "sari") answers "can you attend?". */
export function wordsAgree(words: CandidateWords, outcome: CallOutcome): boolean {
  if (!decisive(outcome) || words.changedMind) return false;
  if (AGREES[outcome].includes(words.leaning)) return true;
  return outcome === "confirmed" && words.leaning === null && words.heard.yes !== undefined;
}

export function wordsContradict(words: CandidateWords, outcome: CallOutcome): boolean {
  return decisive(outcome) && (words.changedMind || CONTRADICTS[outcome].includes(words.leaning));
}

/** One turn, or a few words: too little to stand on unless it says what the outcome says. */
export function tooShort(words: CandidateWords): boolean {
  return words.turns.length > 0 && (words.turns.length === 1 || words.words < SHORT_CALL_WORDS);
}
