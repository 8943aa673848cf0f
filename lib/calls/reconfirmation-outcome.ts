import type { Candidate } from "@/db/schema";
import type { Outcome } from "./outcome";

/**
 * What a reconfirmation call (the reminder before the interview) does to a candidate who had already confirmed:
 * `undefined` leaves the status and its reason alone — the call is still going on, or it did not reach them, which
 * does not undo their earlier answer. Only an answer moves them: still coming (they stay confirmed, or
 * rescheduled), cannot come after all (declined), or another time (rescheduled).
 */
export function reconfirmationVerdict(candidate: Pick<Candidate, "status">, outcome: Outcome | null): Outcome | undefined {
  if (outcome === null) return undefined;
  switch (outcome.outcome) {
    case "confirmed":
      return {
        outcome: candidate.status === "rescheduled" ? "rescheduled" : "confirmed",
        reason: "Reconfirmed on the reminder call: still coming",
      };
    case "declined":
    case "rescheduled":
      return { ...outcome, reason: `Reminder call: ${outcome.reason}` };
    default:
      return undefined;
  }
}
