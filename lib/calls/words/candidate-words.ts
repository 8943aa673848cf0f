import { transcriptTurns } from "@/lib/candidates/transcript-turns";
import { ENGLISH } from "./english-phrases";
import { HINDI_DEVANAGARI, HINDI_LATIN } from "./hindi-phrases";
import type { Phrases, Signal } from "./signals";
import { TAMIL, TELUGU } from "./tamil-telugu-phrases";

/**
 * What the person who answered said, read from their turns only: the agent says "confirm" and "another time" in
 * every call, which is how the prototype came to call nearly every transcript confirmed. The phrase lists live
 * per language beside this file; a phrase right after a negation in its clause does not count.
 */
export type CandidateWords = {
  /** Whether there was a transcript at all (a body without one says nothing either way). */
  transcript: boolean;
  /** The candidate's turns as said, in order. */
  turns: string[];
  words: number;
  /** The first turn in which each signal was heard. */
  heard: Partial<Record<Signal, string>>;
  leaning: Leaning;
  /** They said both that they would come and that they would not. */
  changedMind: boolean;
  /** Every turn is a machine's (a greeting, an announcement, an IVR) or noise such as "beep". */
  machineOnly: boolean;
};

/**
 * The candidate's last word on the interview: `coming`, `refusing`, `anotherTime` (they asked for another time),
 * `cannotThen` (the time does not suit them, and they asked for nothing else); `unsure` or `callBack` when they
 * decided nothing; null when they said nothing about it. Someone who asked for another day and then took
 * Wednesday is `coming`: they settled.
 */
export type Leaning = "coming" | "refusing" | "anotherTime" | "cannotThen" | "unsure" | "callBack" | null;

// A transcript may be 200,000 characters. A candidate's side of a real call is a few hundred words: the first
// turns, up to MAX_CANDIDATE_CHARS in all, are enough to judge, and bound the work on the webhook's event loop.
const MAX_TURNS = 200;
const MAX_TURN_CHARS = 1000;
const MAX_CANDIDATE_CHARS = 6000;
const DEVANAGARI = /[\u0900-\u097f]/u;
const LATIN = /[a-z]/;

/** One regular expression per signal and script: a turn is read once per signal, not once per phrase. */
function compile(languages: Phrases[], flags: string) {
  const bySignal = new Map<Signal, string[]>();
  for (const phrases of languages) {
    for (const [signal, list] of Object.entries(phrases) as [Signal, RegExp[]][]) {
      bySignal.set(signal, [...(bySignal.get(signal) ?? []), ...list.map((pattern) => `(?:${pattern.source})`)]);
    }
  }
  return [...bySignal].map(([signal, sources]) => ({ signal, pattern: new RegExp(sources.join("|"), flags) }));
}
const LATIN_PATTERNS = compile([ENGLISH, HINDI_LATIN, TAMIL, TELUGU], "g");
const DEVANAGARI_PATTERNS = compile([HINDI_DEVANAGARI], "gu");
/** Signals a negation cancels: "I don't think I can make it", "no need to reschedule", "main nahi aaunga". */
const NEGATABLE = new Set<Signal>(["coming", "yes", "refuses", "anotherTime"]);
const NEGATION =
  /(?:^|[\s,])(?:not|never|don't|dont|doesn't|won't|can't|cannot|didn't|isn't|without|nahi|nahin|mat|illa|ledu)(?=$|[\s,])|n't\b|no need|नहीं|मत/u;
const CLAUSE_END = /[,;.?!।]/u;
const NOISE = /^[\s\p{P}]*(?:beep|\[[^\]]*\])?[\s\p{P}]*$/u;
const DECIDING: Partial<Record<Signal, Leaning>> = {
  coming: "coming",
  refuses: "refusing",
  anotherTime: "anotherTime",
  cannotThen: "cannotThen",
};

/** Lower case, straight apostrophes, and one spelling of Devanagari's nasal marks and nukta. */
function normalise(text: string): string {
  return text
    .slice(0, MAX_TURN_CHARS)
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\u0901/g, "\u0902")
    .replace(/\u093c/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function negated(turn: string, at: number): boolean {
  const clause = turn.slice(0, at).split(CLAUSE_END).at(-1) ?? "";
  return NEGATION.test(clause.trim().split(" ").slice(-4).join(" "));
}

/** Each signal's matches in one turn, as positions (for "last word wins"). */
function signalsIn(turn: string): { signal: Signal; at: number }[] {
  const found: { signal: Signal; at: number }[] = [];
  const patterns = [...(LATIN.test(turn) ? LATIN_PATTERNS : []), ...(DEVANAGARI.test(turn) ? DEVANAGARI_PATTERNS : [])];
  for (const { signal, pattern } of patterns) {
    for (const match of turn.matchAll(pattern)) {
      if (NEGATABLE.has(signal) && negated(turn, match.index)) continue;
      found.push({ signal, at: match.index });
    }
  }
  return found;
}

function leaningOf(heard: Set<Signal>, last: Leaning): Leaning {
  if (last) return last;
  if (heard.has("unsure")) return "unsure";
  return heard.has("callBack") ? "callBack" : null;
}

export function readCandidateWords(transcript: string | null): CandidateWords {
  let budget = MAX_CANDIDATE_CHARS;
  const turns = transcriptTurns(transcript)
    .filter((turn) => turn.speaker !== "agent" && turn.text.trim() !== "")
    .slice(0, MAX_TURNS)
    .flatMap((turn) => {
      const text = turn.text.slice(0, Math.min(budget, MAX_TURN_CHARS));
      budget -= text.length;
      return text ? [text] : [];
    });
  const heard: Partial<Record<Signal, string>> = {};
  const signals = new Set<Signal>();
  let last: Leaning = null;
  let machineTurns = 0;
  for (const said of turns) {
    const turn = normalise(said);
    // Where a refusal and "cannot then" start together ("I won't be able to attend at all"), the refusal is the word.
    const found = signalsIn(turn).sort((a, b) => a.at - b.at || Number(a.signal === "refuses") - Number(b.signal === "refuses"));
    for (const { signal } of found) {
      signals.add(signal);
      heard[signal] ??= said;
      last = DECIDING[signal] ?? last;
    }
    if (found.some((entry) => entry.signal === "machine") || NOISE.test(turn)) machineTurns++;
  }
  return {
    transcript: transcript !== null && transcript.trim() !== "",
    turns,
    words: turns.join(" ").split(/\s+/).filter(Boolean).length,
    heard,
    leaning: leaningOf(signals, last),
    changedMind: signals.has("coming") && signals.has("refuses"),
    machineOnly: turns.length > 0 && machineTurns === turns.length && signals.has("machine"),
  };
}
