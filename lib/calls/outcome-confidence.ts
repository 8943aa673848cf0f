import { transcriptTurns } from "@/lib/candidates/transcript-turns";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { classifyTranscript } from "./classify-transcript";
import type { ConfidenceLabel, Evidence, EvidenceKind } from "./confidence-values";
import { fromExtraction, outcomeDisposition, type CallFacts } from "./derive-outcome";
import type { Outcome } from "./outcome";

/**
 * How sure a derived outcome is (issue #15). The basis sets a starting confidence: Bolna's call status for calls
 * nobody answered, the agent's extraction (Bolna's own confidence when a disposition gives one), or the
 * candidate's words alone. Doubts then cap it: a voicemail greeting in the transcript,
 * signs that someone else answered, a candidate who said nothing or almost nothing, words that contradict the
 * extraction. README ("Trust: confidence and review") lists the numbers; lib/review/hold-for-review.ts sends an
 * outcome below REVIEW_CONFIDENCE_THRESHOLD to a person instead of applying it.
 */

export type TrustFacts = CallFacts & { answeredByVoicemail: boolean };

export type OutcomeTrust = {
  confidence: number;
  label: ConfidenceLabel;
  /** Most telling first; at most MAX_EVIDENCE items. */
  evidence: Evidence[];
  /** The strongest doubt in a few words, for the candidate's status reason ("someone else may have answered"). */
  doubt: string | null;
};

export const BASE = { telephony: 0.95, extraction: 0.85, disposition: 0.8, transcript: 0.55 } as const;
export const CAPS = {
  voicemailGreeting: 0.2,
  noCandidateWords: 0.25,
  someoneElse: 0.3,
  contradicted: 0.35,
  shortCall: 0.45,
} as const;
const AGREEMENT_BONUS = 0.1;
const MAX_CONFIDENCE = 0.98;
/** A conversation with fewer words than this from the candidate is too short to decide anything. */
export const SHORT_CALL_WORDS = 4;

const MAX_EVIDENCE = 8;
const MAX_DETAIL = 240;
const MAX_QUOTE = 100;
// A transcript may be 200,000 characters; reading the first turns is enough to judge, and bounds the work.
const MAX_TURNS = 200;
const MAX_TURN_CHARS = 1000;

const SOMEONE_ELSE: RegExp[] = [
  /\b(he|she)('s| is) not (at )?(home|here|there|available|around|in)\b/,
  /\b(he|she)('s| is) (sleeping|busy|out|outside|at work|at the office|in a meeting|driving|not well|unwell)\b/,
  /\bi('ll| will) (tell|inform|let) (him|her)\b/,
  /\b(tell|inform) (him|her) (that|about|to)\b/,
  /\b(this is|i am|i'm) (his|her) (mother|mom|mum|father|dad|wife|husband|sister|brother|son|daughter|friend|colleague|roommate|uncle|aunt|cousin)\b/,
  /\b(he|she) (will|'ll) call (you )?back\b/,
  /\bcan i take a message\b/,
  /\bwrong (number|person)\b/,
  /\bno one (here )?(by|with) that name\b/,
  // Hindi written in Latin letters: "main uski mummy bol rahi hoon", "woh ghar pe nahi hai", "main unko bata dungi".
  /\b(main|mai|mein) (uski|uska|unki|unka|iski|iska) (mummy|mumma|mummyji|maa|mother|papa|pita|father|bhai|behen|bahan|didi|wife|biwi|patni|husband|pati|dost)\b/,
  /\b(wo|woh|vo|voh|ye|yeh) (abhi )?(ghar (pe|par|mein|me) )?nahi (hai|hain|he)\b/,
  /\b(wo|woh|vo|voh) (abhi )?(so rahe|so raha|so rahi|bahar|office|kaam par|kaam pe)\b/,
  /\b(unko|usko|use|unhe|inko) bata (dunga|dungi|doonga|doongi|denge|deti|deta)\b/,
];

const VOICEMAIL_GREETING: RegExp[] = [
  /\bleave (a|your) (message|voice ?mail)\b/,
  /\bafter the (tone|beep)\b/,
  /\bthe (person|number|subscriber|customer) you (are|have) (calling|called|dialled|dialed|trying to reach)\b/,
  /\bvoice ?mail\b|\bmailbox\b/,
  /\bplease record your message\b/,
  /\bis (currently )?(not reachable|switched off|out of coverage)\b/,
  /\baap(ke)? (dwara|dvara) dial kiya (gaya|hua) number\b/,
  /\b(jis|jin) number (se|par) aap sampark\b/,
  /\b(uplabdh|upalabdh) nahi\b/,
  /\bpahunch (se )?bahar\b/,
  /\b(switch off|band) hai\b/,
];

// Candidate turns in Hindi written in Latin letters, which the English classifier does not read.
const HINGLISH: Record<"confirmed" | "declined" | "rescheduled", RegExp[]> = {
  confirmed: [/\b(aa|a) ?(jaunga|jaungi|jaaunga|jaaungi|jayenge)\b/, /\b(aaunga|aaungi|aunga|aungi)\b/, /\bpakka\b/],
  declined: [
    /\bnahi (aana|aaunga|aaungi|aunga|aungi|aa (paunga|paungi|sakta|sakti))\b/,
    /\b(interest|interested|interested nahi|dilchaspi) nahi\b/,
    /\b(dusri|doosri|another) (job|naukri)\b/,
  ],
  rescheduled: [
    /\b(kal|parson|parso|agle hafte|kisi aur din|dusre din|doosre din|koi aur (din|time|samay))\b/,
    /\b\d{1,2} baje\b/,
  ],
};

type Decisive = "confirmed" | "declined" | "rescheduled";

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const quote = (text: string) => `“${clip(text.replace(/\s+/g, " ").trim(), MAX_QUOTE)}”`;

function normalise(text: string): string {
  return text.slice(0, MAX_TURN_CHARS).toLowerCase().replace(/[’`]/g, "'");
}

function firstMatch(turns: string[], patterns: RegExp[]): string | null {
  return turns.find((turn) => patterns.some((pattern) => pattern.test(normalise(turn)))) ?? null;
}

/** What the candidate's own words lean to: the English classifier's decision, else Hindi phrases. */
function leaning(transcript: string | null, turns: string[]): { outcome: Decisive; words: string } | null {
  const english = classifyTranscript(transcript).outcome;
  if (english === "confirmed" || english === "declined") return { outcome: english, words: "" };
  for (const outcome of ["declined", "rescheduled", "confirmed"] as const) {
    const words = firstMatch(turns, HINGLISH[outcome]);
    if (words) return { outcome, words };
  }
  return null;
}

function labelOf(confidence: number): ConfidenceLabel {
  return confidence >= 0.8 ? "high" : confidence >= 0.5 ? "medium" : "low";
}

type Basis = { kind: EvidenceKind; confidence: number; detail: string };

function basisOf(facts: TrustFacts, outcome: Outcome, zone: string): Basis {
  const answered = facts.status === "completed" && (facts.conversationSeconds ?? 0) > 0;
  if (!answered) {
    return { kind: "telephony", confidence: BASE.telephony, detail: `Bolna's call status: ${facts.status ?? "unknown"}` };
  }
  const extracted = facts.extractedData ? fromExtraction(facts.extractedData, zone) : null;
  if (extracted && extracted.outcome === outcome.outcome && extracted.reason === outcome.reason) {
    const disposition =
      facts.extractedData && !("call_outcome" in facts.extractedData) ? outcomeDisposition(facts.extractedData) : null;
    if (disposition) {
      const byLabel = { high: 0.9, medium: 0.65, low: 0.35 }[disposition.confidenceLabel ?? ""];
      const confidence = disposition.confidence ?? byLabel ?? BASE.disposition;
      const stated = disposition.confidence !== null || byLabel !== undefined;
      return {
        kind: "bolna_confidence",
        confidence,
        detail: `Bolna's disposition “${disposition.name}” says ${disposition.objective}${
          stated
            ? ` with ${disposition.confidence !== null ? `confidence ${disposition.confidence.toFixed(2)}` : ""}${
                disposition.confidenceLabel ? ` (${disposition.confidenceLabel})` : ""
              }`
            : " without a confidence"
        }${disposition.reasoning ? `: ${disposition.reasoning}` : ""}`,
      };
    }
    return { kind: "extraction", confidence: BASE.extraction, detail: `The agent's extraction says ${outcome.reason}` };
  }
  return { kind: "transcript", confidence: BASE.transcript, detail: "No extraction: read from the candidate's words only" };
}

/** The confidence of a derived outcome and the evidence for it. */
export function assessOutcome(facts: TrustFacts, outcome: Outcome, zone: string): OutcomeTrust {
  const basis = basisOf(facts, outcome, zone);
  const evidence: (Evidence & { cap?: number; doubt?: string })[] = [];
  const doubt = (kind: EvidenceKind, cap: number, detail: string, short: string) =>
    evidence.push({ kind, effect: "doubts", detail, cap, doubt: short });
  const decisive = outcome.outcome === "confirmed" || outcome.outcome === "declined" || outcome.outcome === "rescheduled";

  // The flag makes the outcome "no answer" before anything else is read (lib/calls/derive-outcome.ts): it only
  // ever supports it.
  if (facts.answeredByVoicemail) {
    evidence.push({ kind: "voicemail", effect: "supports", detail: "Bolna flagged the call as answered by voicemail" });
  }

  let confidence = basis.confidence;
  if (basis.kind !== "telephony") {
    const all = transcriptTurns(facts.transcript).slice(0, MAX_TURNS);
    const candidate = all.filter((turn) => turn.speaker !== "agent").map((turn) => turn.text);
    const words = candidate.join(" ").split(/\s+/).filter(Boolean).length;
    const greeting = firstMatch(candidate, VOICEMAIL_GREETING);
    if (greeting) {
      doubt(
        "voicemail",
        CAPS.voicemailGreeting,
        `A voicemail greeting answered: ${quote(greeting)}`,
        "a voicemail greeting answered",
      );
    }
    const someoneElse = firstMatch(candidate, SOMEONE_ELSE);
    if (someoneElse) {
      doubt(
        "someone_else",
        CAPS.someoneElse,
        `Someone else may have answered: ${quote(someoneElse)}`,
        "someone else may have answered",
      );
    }
    const seconds = facts.conversationSeconds === null ? "" : `${Math.round(facts.conversationSeconds)} s, `;
    if (candidate.length === 0) {
      doubt(
        "no_candidate_words",
        CAPS.noCandidateWords,
        `The candidate said nothing (${seconds}no turns)`,
        "the candidate said nothing",
      );
    } else if (candidate.length === 1 || words < SHORT_CALL_WORDS) {
      doubt(
        "short_call",
        CAPS.shortCall,
        `Too short to decide: ${seconds}${candidate.length} turn${candidate.length === 1 ? "" : "s"} from the candidate (${quote(candidate.join(" / "))})`,
        "the conversation was too short",
      );
    }
    if (decisive && basis.kind !== "transcript" && candidate.length > 0) {
      const lean = leaning(facts.transcript, candidate);
      const label = CANDIDATE_STATUS_LABELS[outcome.outcome];
      // Confirming and rescheduling both mean coming: only a refusal against either (or the other way) contradicts.
      if (lean && lean.outcome !== outcome.outcome && (lean.outcome === "declined" || outcome.outcome === "declined")) {
        doubt(
          "transcript_disagrees",
          CAPS.contradicted,
          `The candidate's words sound ${CANDIDATE_STATUS_LABELS[lean.outcome].toLowerCase()}, not ${label.toLowerCase()}${lean.words ? `: ${quote(lean.words)}` : ""}`,
          "the candidate's words disagree",
        );
      } else if (lean?.outcome === outcome.outcome) {
        evidence.push({
          kind: "transcript_agrees",
          effect: "supports",
          detail: `The candidate's words agree${lean.words ? `: ${quote(lean.words)}` : ""}`,
        });
        if (basis.kind === "extraction") confidence = Math.min(MAX_CONFIDENCE, confidence + AGREEMENT_BONUS);
      }
    }
    if (outcome.outcome === "rescheduled" && !outcome.newInterviewAt) {
      evidence.push({ kind: "unreadable_slot", effect: "note", detail: "The new slot could not be read: a recruiter picks it" });
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
  };
}
