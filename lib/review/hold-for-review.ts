import type { OutcomeTrust } from "@/lib/calls/outcome-confidence";
import type { Outcome } from "@/lib/calls/outcome";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

/** What a call proposes when it does not decide at once: a person decides (lib/review/). */
export type Proposal = { outcome: Outcome; trust: OutcomeTrust };

/** A cancellation reaches the candidate's calendar: a decline applies by itself only at this confidence or above. */
const HIGH_CONFIDENCE = 0.8;

/** Why a decisive outcome of an answered call cannot apply by itself, or null when it can. */
function holdsBack(outcome: Outcome, trust: OutcomeTrust, threshold: number): string | null {
  if (trust.confidence < threshold) return trust.doubt ?? "below the review threshold";
  if (outcome.outcome === "declined" && trust.confidence < HIGH_CONFIDENCE) return "a cancellation needs high confidence";
  if (outcome.outcome === "rescheduled" && !outcome.newInterviewAt) return "the new time could not be read";
  return null;
}

/**
 * Splits a derived outcome into what is applied to the candidate now and what waits for a person. A call nobody
 * answered applies at once (Bolna's status is a fact). An answered call applies at once only a decision sure
 * enough to tell the candidate: a confirmation or a readable reschedule at `threshold` or above, a decline at
 * HIGH_CONFIDENCE or above. Everything else — unsure decisions, and answered calls that decided nothing ("call
 * again") — leaves the candidate `pending` with a reason that names the proposal, and opens a review.
 */
export function holdForReview(
  outcome: Outcome | null,
  trust: OutcomeTrust | null,
  threshold: number,
): { applied: Outcome | null; proposal: Proposal | null } {
  if (!outcome || !trust || !trust.answered) return { applied: outcome, proposal: null };
  const decisive = outcome.outcome === "confirmed" || outcome.outcome === "declined" || outcome.outcome === "rescheduled";
  const why = decisive ? holdsBack(outcome, trust, threshold) : outcome.reason;
  if (why === null) return { applied: outcome, proposal: null };
  const reason = decisive
    ? `Awaiting review: proposed ${CANDIDATE_STATUS_LABELS[outcome.outcome]} (${trust.label} confidence: ${why})`
    : `Awaiting review: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
  return { applied: { outcome: "pending", reason }, proposal: { outcome, trust } };
}
