import type { ConfidenceLabel, Evidence, EvidenceKind } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { isDecisive, wasAnswered, type CallFacts } from "./derive-outcome";
import type { Outcome } from "./outcome";
import { fromExtraction, outcomeDisposition } from "./read-extraction";
import { readCandidateWords, type CandidateWords } from "./words/candidate-words";
import { tooShort, wordsAgree, wordsContradict } from "./words/word-agreement";

/**
 * How sure a derived outcome is. The basis sets a starting confidence: Bolna's call status for calls nobody
 * answered, a machine's greeting alone, the agent's extraction (Bolna's own confidence when a disposition gives
 * one), or the candidate's words alone. Doubts then cap it, and a doubt needs evidence: a voicemail greeting in the
 * transcript, someone else answering, a transcript in which the candidate said nothing, words that contradict the
 * outcome, a short answer that does not say it. A short answer that agrees is an answer, and an extraction that
 * comes without a transcript stands on its own. docs/domain.md ("Trust and insight") lists the numbers;
 * lib/review/hold-for-review.ts applies or holds the result.
 */

export type TrustFacts = CallFacts & { answeredByVoicemail: boolean };

export type OutcomeTrust = {
  confidence: number;
  label: ConfidenceLabel;
  /** Most telling first; at most MAX_EVIDENCE items. */
  evidence: Evidence[];
  /** The strongest doubt in a few words, for the candidate's status reason ("someone else may have answered"). */
  doubt: string | null;
  /** A person answered: whatever the call did not decide at once, a person decides. */
  answered: boolean;
};

export const BASE = { telephony: 0.95, machine: 0.9, extraction: 0.85, disposition: 0.8, transcript: 0.55 } as const;
export const CAPS = {
  voicemailGreeting: 0.2,
  noCandidateWords: 0.25,
  someoneElse: 0.3,
  contradicted: 0.35,
  undecided: 0.45,
  shortCall: 0.45,
} as const;
const AGREEMENT_BONUS = 0.1;
const MAX_CONFIDENCE = 0.98;
const MAX_EVIDENCE = 8;
const MAX_DETAIL = 240;
const MAX_QUOTE = 100;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const quote = (text: string) => `“${clip(text.replace(/\s+/g, " ").trim(), MAX_QUOTE)}”`;

function labelOf(confidence: number): ConfidenceLabel {
  return confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
}

type Basis = { kind: EvidenceKind; confidence: number; detail: string };

const decisionOf = (outcome: Outcome | null) =>
  outcome && isDecisive(outcome) ? (outcome.outcome as "confirmed" | "declined" | "rescheduled") : null;

function dispositionBasis(facts: TrustFacts): Basis | null {
  const data = facts.extractedData;
  const disposition = data && !("call_outcome" in data) ? outcomeDisposition(data) : null;
  if (!disposition) return null;
  const byLabel = { high: 0.9, medium: 0.65, low: 0.35 }[disposition.confidenceLabel ?? ""];
  const stated = disposition.confidence !== null || byLabel !== undefined;
  const said = [
    disposition.confidence !== null ? `confidence ${disposition.confidence.toFixed(2)}` : "",
    disposition.confidenceLabel ? `(${disposition.confidenceLabel})` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    kind: "bolna_confidence",
    confidence: disposition.confidence ?? byLabel ?? BASE.disposition,
    detail: `Bolna's disposition “${disposition.name}” says ${disposition.objective} ${stated ? `with ${said}` : "without a confidence"}${
      disposition.reasoning ? `: ${disposition.reasoning}` : ""
    }`,
  };
}

function basisOf(facts: TrustFacts, outcome: Outcome, words: CandidateWords, extracted: Outcome | null): Basis {
  if (outcome.outcome === "no_answer" && words.machineOnly && !facts.answeredByVoicemail) {
    return { kind: "voicemail", confidence: BASE.machine, detail: `Only a machine answered: ${quote(words.turns[0] ?? "")}` };
  }
  if (!wasAnswered(facts, words, extracted)) {
    return { kind: "telephony", confidence: BASE.telephony, detail: `Bolna's call status: ${facts.status ?? "unknown"}` };
  }
  if (extracted && extracted.outcome === outcome.outcome && extracted.reason === outcome.reason) {
    return (
      dispositionBasis(facts) ?? {
        kind: "extraction",
        confidence: BASE.extraction,
        detail: `The agent's extraction says ${outcome.reason}`,
      }
    );
  }
  return {
    kind: "transcript",
    confidence: BASE.transcript,
    detail: "Read from the candidate's words, not the agent's extraction",
  };
}

/** The confidence of a derived outcome and the evidence for it. */
export function assessOutcome(
  facts: TrustFacts,
  outcome: Outcome,
  zone: string,
  words: CandidateWords = readCandidateWords(facts.transcript),
): OutcomeTrust {
  const extracted = facts.extractedData ? fromExtraction(facts.extractedData, zone) : null;
  const answered = wasAnswered(facts, words, extracted);
  const basis = basisOf(facts, outcome, words, extracted);
  const evidence: (Evidence & { cap?: number; doubt?: string })[] = [];
  const doubt = (kind: EvidenceKind, cap: number, detail: string, short: string) =>
    evidence.push({ kind, effect: "doubts", detail, cap, doubt: short });
  const note = (kind: EvidenceKind, effect: Evidence["effect"], detail: string) => evidence.push({ kind, effect, detail });

  // The flag makes the outcome "no answer" before anything else is read (lib/calls/derive-outcome.ts).
  if (facts.answeredByVoicemail) note("voicemail", "supports", "Bolna flagged the call as answered by voicemail");

  let confidence = basis.confidence;
  if (answered) {
    const { heard } = words;
    if (heard.machine) {
      doubt(
        "voicemail",
        CAPS.voicemailGreeting,
        `A voicemail greeting answered: ${quote(heard.machine)}`,
        "a voicemail greeting answered",
      );
    }
    const other = heard.wrongNumber ?? heard.someoneElse;
    if (other)
      doubt(
        "someone_else",
        CAPS.someoneElse,
        `Someone else may have answered: ${quote(other)}`,
        "someone else may have answered",
      );
    if (!words.transcript) {
      note("no_transcript", "note", "No transcript came with the call: the extraction alone says what happened");
    } else if (words.turns.length === 0) {
      doubt("no_candidate_words", CAPS.noCandidateWords, "The candidate said nothing (no turns)", "the candidate said nothing");
    }
    // What the words are held against: the extraction's decision when there is one, else the outcome's own.
    const judged = decisionOf(extracted) ?? decisionOf(outcome);
    // Someone else's words say nothing about what the candidate decided.
    if (judged && words.turns.length > 0 && !other) {
      const label = CANDIDATE_STATUS_LABELS[judged].toLowerCase();
      if (wordsContradict(words, judged)) {
        const said = words.heard.refuses ?? words.heard.coming ?? words.heard.anotherTime ?? words.heard.cannotThen;
        doubt(
          "transcript_disagrees",
          CAPS.contradicted,
          `The candidate's words do not sound ${label}${said ? `: ${quote(said)}` : ""}`,
          "the candidate's words disagree",
        );
      } else if (words.leaning === "unsure" || words.leaning === "callBack") {
        doubt("transcript_disagrees", CAPS.undecided, "The candidate's words decided nothing", "the candidate did not decide");
      } else if (wordsAgree(words, judged)) {
        const saidIt = {
          confirmed: heard.coming ?? heard.yes,
          declined: heard.refuses,
          rescheduled: heard.anotherTime ?? heard.cannotThen,
        }[judged];
        note("transcript_agrees", "supports", `The candidate's own words agree${saidIt ? `: ${quote(saidIt)}` : ""}`);
        if (basis.kind === "extraction") confidence = Math.min(MAX_CONFIDENCE, confidence + AGREEMENT_BONUS);
      } else if (tooShort(words)) {
        doubt(
          "short_call",
          CAPS.shortCall,
          `Too short to decide: ${words.turns.length} turn${words.turns.length === 1 ? "" : "s"} from the candidate (${quote(words.turns.join(" / "))})`,
          "the conversation was too short",
        );
      }
    }
    if (extracted && extracted.outcome !== outcome.outcome) {
      note(
        "extraction",
        "note",
        `The agent's extraction said ${CANDIDATE_STATUS_LABELS[extracted.outcome]}: ${extracted.reason}`,
      );
    }
    if (outcome.outcome === "rescheduled" && !outcome.newInterviewAt) {
      note("unreadable_slot", "note", "The new slot could not be read: a recruiter picks it");
    }
  }

  const doubts = evidence.filter((item) => item.cap !== undefined).sort((a, b) => a.cap! - b.cap!);
  for (const item of doubts) confidence = Math.min(confidence, item.cap!);
  confidence = Math.round(confidence * 100) / 100;
  const ordered = [
    ...doubts,
    { kind: basis.kind, effect: "supports" as const, detail: basis.detail },
    ...evidence.filter((item) => item.cap === undefined),
  ];
  return {
    confidence,
    label: labelOf(confidence),
    evidence: ordered
      .slice(0, MAX_EVIDENCE)
      .map(({ kind, effect, detail }) => ({ kind, effect, detail: clip(detail, MAX_DETAIL) })),
    doubt:
      doubts[0]?.doubt ??
      (basis.kind === "transcript" ? "no extraction" : basis.kind === "bolna_confidence" ? "Bolna itself was unsure" : null),
    answered,
  };
}
