import type { Outcome } from "./outcome";

/**
 * Phrases a candidate uses, matched on the candidate's turns only: the agent says "confirm" and "another time"
 * in every call, which is how the prototype came to call nearly every transcript confirmed.
 */
const SIGNALS = {
  wrongPerson: [
    /\bwrong (number|person)\b/,
    /\b(this is not|this isn't|i am not|i'm not) (him|her|them|the person)\b/,
    /\byou have the wrong\b/,
    /\bno one (here )?(by|with) that name\b/,
  ],
  declined: [
    /\bnot interested\b/,
    /\bno longer interested\b/,
    /\bwithdraw\b/,
    /\b(accepted|taken|took) (another|a different) (offer|job|position)\b/,
    /\b(won't|will not|can't|cannot) (be )?(attend|make it|come)\b.*\b(at all|anymore|any more)\b/,
    /\bcancel (my|the) (application|interview)\b/,
  ],
  rescheduled: [
    /\breschedule\b/,
    /\b(different|another|other) (day|time|date|slot)\b/,
    /\b(have|got) a conflict\b/,
    /\bnot (available|free) (then|at that time|on that day)\b/,
  ],
  // A negated or hedged answer ("that doesn't work", "not sure I can make it") is never read as a decision.
  hesitant: [
    /\b(don't|do not|doesn't|does not|won't|will not|can't|cannot|not sure|not really)\b[^.?!]*\b(works?|make it|attend|available|come)\b/,
  ],
  confirmed: [
    /\b(that|it) works( for me)?\b/,
    /\bworks for me\b/,
    /\bi (can|will) (make it|attend|be there|come)\b/,
    /\bi'll be there\b/,
    /\bsee you (then|there)\b/,
    /\bi confirm\b/,
    /\byes,? (i'm|i am) available\b/,
  ],
} satisfies Record<string, RegExp[]>;

type Signal = keyof typeof SIGNALS;

function candidateTurns(transcript: string): string[] {
  return transcript
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^user\s*:/i.test(line))
    .map((line) =>
      line
        .replace(/^user\s*:/i, "")
        .trim()
        .toLowerCase()
        .replace(/[’`]/g, "'"),
    );
}

/** Reads the candidate's words; answers `pending` whenever they are absent, mixed or say someone else answered. */
export function classifyTranscript(transcript: string | null): Outcome {
  const turns = transcript ? candidateTurns(transcript) : [];
  if (turns.length === 0) return { outcome: "pending", reason: "No extraction and no words from the candidate" };
  const heard = new Set<Signal>();
  for (const turn of turns) {
    const inTurn = (Object.keys(SIGNALS) as Signal[]).filter((signal) => SIGNALS[signal].some((pattern) => pattern.test(turn)));
    // "I can't make it anymore" is a refusal, not a hedge.
    for (const signal of inTurn) if (!(signal === "hesitant" && inTurn.includes("declined"))) heard.add(signal);
  }
  if (heard.has("wrongPerson")) return { outcome: "pending", reason: "Someone other than the candidate may have answered" };
  if (heard.has("hesitant")) return { outcome: "pending", reason: "No extraction, and the candidate's answer is unclear" };
  const decisive = [...heard];
  if (decisive.length !== 1) {
    return { outcome: "pending", reason: "No extraction, and the transcript is not clear enough to decide" };
  }
  const [only] = decisive;
  if (only === "confirmed") return { outcome: "confirmed", reason: "Candidate confirmed (read from the transcript)" };
  if (only === "declined") return { outcome: "declined", reason: "Candidate declined (read from the transcript)" };
  return { outcome: "pending", reason: "Candidate asked to reschedule but no slot was captured" };
}
