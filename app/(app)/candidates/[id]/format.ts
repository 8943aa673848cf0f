import type { CallOutcome } from "@/db/values";

/** "75 s" or "1 min 15 s"; "—" when Bolna has not reported it. */
export function formatSeconds(value: number | null): string {
  if (value === null) return "—";
  const total = Math.round(value);
  if (total < 60) return `${total} s`;
  const seconds = total % 60;
  return seconds === 0 ? `${Math.floor(total / 60)} min` : `${Math.floor(total / 60)} min ${seconds} s`;
}

/** Bolna's total_cost as it reports it (no currency conversion). */
export function formatCost(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  confirmed: "Confirmed",
  declined: "Declined",
  rescheduled: "Rescheduled",
  no_answer: "No answer",
  pending: "Undecided",
};
