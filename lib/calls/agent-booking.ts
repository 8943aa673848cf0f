import type { Call } from "@/db/schema";
import type { Proposal } from "@/lib/review/hold-for-review";
import { formatInstant } from "@/lib/time/format";
import type { Outcome } from "./outcome";
import type { OutcomeTrust } from "./outcome-confidence";

/**
 * After the agent booked a slot during a call (POST /api/agent/book), the call's outcome either agrees — it
 * confirms, or names the booked time, or says nothing readable — and changes nothing (./update-candidate.ts), or it
 * disagrees: the candidate declined after all, or the extraction names another time. A disagreement never moves
 * the booked interview by itself: it becomes a proposal in the review queue, where a person decides.
 */
export function agentBookingConflict(
  call: Pick<Call, "agentBookedAt" | "agentBookedInterviewAt">,
  outcome: Outcome | null,
  trust: OutcomeTrust | null,
  zone: string,
): Proposal | null {
  const booked = call.agentBookedInterviewAt;
  if (!call.agentBookedAt || !booked || !outcome || !trust) return null;
  const otherTime =
    outcome.outcome === "rescheduled" && outcome.newInterviewAt && outcome.newInterviewAt.getTime() !== booked.getTime();
  if (outcome.outcome !== "declined" && !otherTime) return null;
  const doubt = `the agent booked ${formatInstant(booked, zone)} during this call`;
  return { outcome, trust: { ...trust, doubt: trust.doubt ? `${doubt}; ${trust.doubt}` : doubt } };
}
