import { CardLabel, DataTable } from "@/app/_components/data-table";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { ViewerZoneName } from "@/app/_components/viewer-zone";
import type { CandidatePage } from "@/lib/candidates/candidate-page";
import { formatInstant } from "@/lib/time/format";

const SOURCE_LABELS = {
  webhook: "Webhook",
  manual: "Manual",
  call: "Call",
  reconcile: "Reconcile",
  candidate: "Candidate",
  review: "Review",
  agent: "Voice agent",
  sweep: "Bolna sweep",
} as const;

function Arrow() {
  return (
    <span className="px-1 text-slate-600">
      <span aria-hidden>→</span>
      <span className="sr-only">to</span>
    </span>
  );
}

type Props = {
  history: CandidatePage["history"];
  /** The candidate's zone: interview times are theirs. */
  zone: string;
};

/** Every status change of this candidate, newest first, with who made it and why; a card per entry on a phone. */
export function AuditTrail({ history, zone }: Props) {
  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-2">
      <h2 id="audit-heading" className="text-base font-semibold">
        Audit trail
      </h2>
      <DataTable
        name={{ labelledBy: "audit-heading" }}
        empty="No changes yet."
        rows={history}
        rowKey={(entry) => entry.id}
        rowProps={(entry) => ({ "data-audit-id": entry.id })}
        columns={[
          {
            header: (
              <>
                When (<ViewerZoneName />)
              </>
            ),
            className: "text-xs md:whitespace-nowrap",
            cell: (entry) => <LocalTime value={entry.at} precision="second" />,
          },
          {
            header: "Status",
            className: "md:whitespace-nowrap",
            cell: (entry) => (
              <>
                {entry.fromStatus ? <StatusBadge status={entry.fromStatus} /> : <span className="text-slate-600">—</span>}
                <Arrow />
                {entry.toStatus ? <StatusBadge status={entry.toStatus} /> : <span className="text-slate-600">—</span>}
              </>
            ),
          },
          {
            header: "Interview (the candidate's zone)",
            className: "text-xs",
            cell: (entry) =>
              entry.fromInterviewAt || entry.toInterviewAt ? (
                <>
                  <CardLabel>Interview</CardLabel>
                  {entry.fromInterviewAt ? formatInstant(entry.fromInterviewAt, zone) : "—"}
                  <Arrow />
                  {entry.toInterviewAt ? formatInstant(entry.toInterviewAt, zone) : "—"}
                </>
              ) : (
                <span className="text-slate-600 max-md:hidden">unchanged</span>
              ),
          },
          {
            header: "Source",
            cardLabel: "Source",
            className: "text-xs",
            cell: (entry) => SOURCE_LABELS[entry.source as keyof typeof SOURCE_LABELS] ?? entry.source,
          },
          { header: "By", cardLabel: "By", className: "text-xs", cell: (entry) => entry.actor },
          { header: "Reason", className: "text-xs text-slate-800", cell: (entry) => entry.reason ?? "" },
        ]}
      />
    </section>
  );
}
