import type { CandidateStatus } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

const STYLES: Record<CandidateStatus, string> = {
  pending: "bg-slate-100 text-slate-700 ring-slate-300",
  calling: "bg-sky-50 text-sky-800 ring-sky-300",
  confirmed: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  declined: "bg-rose-50 text-rose-800 ring-rose-300",
  rescheduled: "bg-amber-50 text-amber-900 ring-amber-300",
  no_answer: "bg-orange-50 text-orange-800 ring-orange-300",
};

/** Also the colour of each status in the board's breakdown chart. */
export const STATUS_BAR_COLOURS: Record<CandidateStatus, string> = {
  pending: "bg-slate-400",
  calling: "bg-sky-500",
  confirmed: "bg-emerald-500",
  declined: "bg-rose-500",
  rescheduled: "bg-amber-400",
  no_answer: "bg-orange-500",
};

/** `label`: what the status means now when plain words say more ("Scheduled", "Needs reconfirmation"). */
export function StatusBadge({ status, label }: { status: CandidateStatus; label?: string }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {label ?? CANDIDATE_STATUS_LABELS[status]}
    </span>
  );
}
