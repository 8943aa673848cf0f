import type { CallOutcome } from "@/db/values";
import { formatInstant } from "@/lib/time/format";
import { slotToInstant } from "@/lib/time/slot-time";
import { dispositions, type Disposition } from "./disposition";
import type { Outcome } from "./outcome";

const DECIDED: Record<"confirmed" | "declined", string> = {
  confirmed: "Confirmed on the call",
  declined: "Declined on the call",
};

const OUTCOME_WORDS: Record<string, CallOutcome> = {
  accepted: "confirmed",
  confirmed: "confirmed",
  rejected: "declined",
  declined: "declined",
  not_interested: "declined",
  rescheduled: "rescheduled",
};

function word(value: unknown): string | null {
  return typeof value === "string"
    ? value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_")
    : null;
}

/** The agent's `final_slot` is a wall-clock time in the zone the agent spoke (the call's, else the candidate's). */
function rescheduled(data: Record<string, unknown>, zone: string): Outcome {
  const slot = data.final_slot;
  const at =
    typeof slot === "object" && slot !== null
      ? slotToInstant((slot as Record<string, unknown>).date, (slot as Record<string, unknown>).time, zone)
      : null;
  if (at) return { outcome: "rescheduled", reason: `Asked to move to ${formatInstant(at, zone)}`, newInterviewAt: at };
  return { outcome: "rescheduled", reason: "Asked to move the interview; the new time could not be read" };
}

function decided(outcome: CallOutcome, data: Record<string, unknown>, zone: string): Outcome {
  if (outcome === "rescheduled") return rescheduled(data, zone);
  if (outcome === "confirmed" || outcome === "declined") return { outcome, reason: DECIDED[outcome] };
  return { outcome, reason: "Undecided" };
}

/** The first of Bolna's dispositions whose answer is an outcome: it decides when there is no call_outcome. */
export function outcomeDisposition(data: Record<string, unknown>): Disposition | null {
  return dispositions(data).find((entry) => OUTCOME_WORDS[word(entry.objective) ?? ""]) ?? null;
}

/**
 * What the agent's extraction says, or null when it says nothing Callboard reads: the prototype's `call_outcome`,
 * then Bolna's dispositions, then older agents' free-form keys (`status`, `user_interested`, `callback_user`).
 */
export function fromExtraction(data: Record<string, unknown>, zone: string): Outcome | null {
  const callOutcome = OUTCOME_WORDS[word(data.call_outcome) ?? ""];
  if (callOutcome) return decided(callOutcome, data, zone);
  const disposition = outcomeDisposition(data);
  if (disposition) return decided(OUTCOME_WORDS[word(disposition.objective)!]!, data, zone);

  const legacy = OUTCOME_WORDS[word(data.status) ?? ""];
  if (legacy) return decided(legacy, data, zone);
  if (data.callback_user === true) return { outcome: "pending", reason: "Asked to be called back" };
  if (data.user_interested === true) return { outcome: "confirmed", reason: `${DECIDED.confirmed} (said they are interested)` };
  if (data.user_interested === false)
    return { outcome: "declined", reason: `${DECIDED.declined} (said they are not interested)` };
  return null;
}
