/**
 * How sure Callboard is of a call's derived outcome (lib/calls/outcome-confidence.ts decides it). Kept apart
 * from that module so that the schema and the browser can read the lists without the rules.
 */
export const CONFIDENCE_LABELS = ["high", "medium", "low"] as const;
export type ConfidenceLabel = (typeof CONFIDENCE_LABELS)[number];

/** What a piece of evidence is about; `effect` says whether it supports the outcome or casts doubt on it. */
export const EVIDENCE_KINDS = [
  "telephony",
  "extraction",
  "bolna_confidence",
  "transcript",
  "transcript_agrees",
  "transcript_disagrees",
  "someone_else",
  "voicemail",
  "short_call",
  "no_candidate_words",
  "unreadable_slot",
  "no_transcript",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export type Evidence = { kind: EvidenceKind; effect: "supports" | "doubts" | "note"; detail: string };

export const CONFIDENCE_LABEL_TEXT: Record<ConfidenceLabel, string> = { high: "High", medium: "Medium", low: "Low" };
