import type { ReconfirmationSummary, SelfServiceSummary } from "./reach-summary";

/** The reminder call in a few words, for the board and the candidate page; null when there is nothing to say. */
export function reconfirmationWords(summary: ReconfirmationSummary): string | null {
  switch (summary.state) {
    case "scheduled":
      return "Reminder call planned";
    case "due":
      return "Reminder call due";
    case "calling":
      return "Reminder call in progress";
    case "answered":
      return summary.outcome === "confirmed" ? "Reconfirmed" : `Reminder answered: ${summary.outcome}`;
    case "not_reached":
      return "Reminder call: not reached";
    case "skipped":
      return "Reminder skipped";
    case "failed":
      return "Reminder call failed";
    default:
      return null;
  }
}

/** The self-service link in a few words; null when there is none. */
export function selfServiceWords(summary: SelfServiceSummary): string | null {
  switch (summary.state) {
    case "sent":
      return "Link sent";
    case "used":
      return summary.changesUsed > 0 ? `Link used (${summary.changesUsed} of ${summary.maxChanges} moves)` : "Link used";
    case "used_up":
      return "Link used (no moves left)";
    case "expired":
      return "Link expired";
    case "revoked":
      return "Link revoked";
    default:
      return null;
  }
}
