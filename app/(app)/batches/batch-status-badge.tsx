import type { CallBatch } from "@/db/schema";

const STYLES: Record<CallBatch["status"], string> = {
  running: "bg-sky-50 text-sky-800 ring-sky-300",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
};
const LABELS: Record<CallBatch["status"], string> = { running: "Running", cancelled: "Cancelled", done: "Done" };

export function BatchStatusBadge({ status }: { status: CallBatch["status"] }) {
  return (
    <span
      data-batch-status={status}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {LABELS[status]}
    </span>
  );
}
