import type { Call, Candidate } from "@/db/schema";
import type { Outcome } from "./outcome";
import { reconfirmationVerdict } from "./reconfirmation-outcome";

// An answer the candidate gave before: a call-back that decides nothing leaves it standing.
const ANSWERED = new Set(["confirmed", "rescheduled", "declined"]);

/**
 * What a call-back (the candidate called the agent's number) does: it decides like an outbound call, except that
 * a call that decided nothing (still going on, pending, no answer) leaves an earlier answer standing: a candidate
 * who confirmed and rings to ask where the office is stays confirmed.
 */
function callbackVerdict(candidate: Pick<Candidate, "status">, outcome: Outcome | null): Outcome | null | undefined {
  const decided = outcome !== null && ANSWERED.has(outcome.outcome);
  if (!decided && ANSWERED.has(candidate.status)) return undefined;
  return decided ? { ...outcome, reason: `Called back: ${outcome.reason}` } : outcome;
}

/**
 * What the candidate's status becomes after an event of this call: an outcome, null (the call is going on:
 * `calling`), or undefined (the status and its reason stay as they are).
 *
 * - The agent booked a slot during this call (POST /api/agent/book): the booking is the call's decision. The
 *   webhook that follows never books again and never undoes it; an outcome that disagrees (declined, another
 *   time) goes to the review queue instead (lib/calls/agent-booking.ts).
 * - A reminder call moves the candidate only when they say something new (./reconfirmation-outcome.ts).
 * - A call-back decides like an outbound call but never undoes an earlier answer by deciding nothing.
 */
export function callVerdict(
  candidate: Pick<Candidate, "status">,
  call: Pick<Call, "agentBookedAt" | "purpose" | "direction">,
  outcome: Outcome | null,
): Outcome | null | undefined {
  if (call.agentBookedAt) return undefined;
  if (call.purpose === "reconfirmation") return reconfirmationVerdict(candidate, outcome);
  if (call.direction === "inbound") return callbackVerdict(candidate, outcome);
  return outcome;
}
