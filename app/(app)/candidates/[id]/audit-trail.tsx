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

const cell = "md:px-3 md:py-2";
const label = "mr-1 text-xs font-medium text-slate-600 md:hidden";

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
      {history.length === 0 ? (
        <p className="text-sm text-slate-600">No changes yet.</p>
      ) : (
        <table
          aria-labelledby="audit-heading"
          className="block w-full rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200 md:table"
        >
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
            <tr>
              <th className="px-3 py-2 font-medium">
                When (<ViewerZoneName />)
              </th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 font-medium">Interview (the candidate&apos;s zone)</th>
              <th className="px-3 py-2 font-medium">Source</th>
              <th className="px-3 py-2 font-medium">By</th>
              <th className="px-3 py-2 font-medium">Reason</th>
            </tr>
          </thead>
          <tbody className="block md:table-row-group">
            {history.map((entry) => (
              <tr
                key={entry.id}
                data-audit-id={entry.id}
                className="flex flex-col gap-1 border-t border-slate-200 p-3 align-top first:border-t-0 md:table-row md:p-0"
              >
                <td className={`text-xs md:whitespace-nowrap ${cell}`}>
                  <LocalTime value={entry.at} precision="second" />
                </td>
                <td className={`md:whitespace-nowrap ${cell}`}>
                  {entry.fromStatus ? <StatusBadge status={entry.fromStatus} /> : <span className="text-slate-600">—</span>}
                  <Arrow />
                  {entry.toStatus ? <StatusBadge status={entry.toStatus} /> : <span className="text-slate-600">—</span>}
                </td>
                <td className={`text-xs ${cell}`}>
                  {entry.fromInterviewAt || entry.toInterviewAt ? (
                    <>
                      <span className={label}>Interview</span>
                      {entry.fromInterviewAt ? formatInstant(entry.fromInterviewAt, zone) : "—"}
                      <Arrow />
                      {entry.toInterviewAt ? formatInstant(entry.toInterviewAt, zone) : "—"}
                    </>
                  ) : (
                    <span className="text-slate-600 max-md:hidden">unchanged</span>
                  )}
                </td>
                <td className={`text-xs ${cell}`}>
                  <span className={label}>Source</span>
                  {SOURCE_LABELS[entry.source as keyof typeof SOURCE_LABELS] ?? entry.source}
                </td>
                <td className={`text-xs ${cell}`}>
                  <span className={label}>By</span>
                  {entry.actor}
                </td>
                <td className={`text-xs text-slate-800 ${cell}`}>{entry.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
