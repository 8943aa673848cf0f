import type { OutcomeTrust } from "@/lib/calls/outcome-confidence";
import type { Outcome } from "@/lib/calls/outcome";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

/** What a call proposes when Callboard is not sure enough to apply it: a person decides (lib/review/). */
export type Proposal = { outcome: Outcome; trust: OutcomeTrust };

// Only a decision about the candidate is held: no answer and pending come from Bolna's call status or decide nothing.
const DECISIONS = new Set(["confirmed", "declined", "rescheduled"]);

/**
 * Splits a derived outcome into what is applied to the candidate now and what waits for review. An unsure
 * decision leaves the candidate `pending`, with a reason that names the proposal and the doubt.
 */
export function holdForReview(
  outcome: Outcome | null,
  trust: OutcomeTrust | null,
  threshold: number,
): { applied: Outcome | null; proposal: Proposal | null } {
  if (!outcome || !trust || !DECISIONS.has(outcome.outcome) || trust.confidence >= threshold) {
    return { applied: outcome, proposal: null };
  }
  const doubt = trust.doubt ? `${trust.label} confidence: ${trust.doubt}` : `${trust.label} confidence`;
  return {
    applied: {
      outcome: "pending",
      reason: `Awaiting review: proposed ${CANDIDATE_STATUS_LABELS[outcome.outcome]} (${doubt})`,
    },
    proposal: { outcome, trust },
  };
}
