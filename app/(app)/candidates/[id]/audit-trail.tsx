import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import type { CandidatePage } from "@/lib/candidates/candidate-page";

const SOURCE_LABELS = { webhook: "Webhook", manual: "Manual", call: "Call", reconcile: "Reconcile", review: "Review" } as const;

/** Every status change of this candidate, newest first, with who made it and why. */
export function AuditTrail({ history, zone }: { history: CandidatePage["history"]; zone: string }) {
  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-2">
      <h2 id="audit-heading" className="text-base font-semibold">
        Audit trail
      </h2>
      {history.length === 0 ? (
        <p className="text-sm text-slate-500">No changes yet.</p>
      ) : (
        <table aria-labelledby="audit-heading" className="w-full rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">When</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 font-medium">Interview</th>
              <th className="px-3 py-2 font-medium">Source</th>
              <th className="px-3 py-2 font-medium">By</th>
              <th className="px-3 py-2 font-medium">Reason</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.id} data-audit-id={entry.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2">
                  <LocalTime value={entry.at} fallbackZone={zone} precision="second" />
                </td>
                <td className="whitespace-nowrap px-3 py-2">
                  {entry.fromStatus ? <StatusBadge status={entry.fromStatus} /> : <span className="text-slate-400">—</span>}
                  <span className="px-1 text-slate-400">
                    <span aria-hidden>→</span>
                    <span className="sr-only">to</span>
                  </span>
                  {entry.toStatus ? <StatusBadge status={entry.toStatus} /> : <span className="text-slate-400">—</span>}
                </td>
                <td className="px-3 py-2 text-xs">
                  {entry.fromInterviewAt || entry.toInterviewAt ? (
                    <>
                      <LocalTime value={entry.fromInterviewAt} fallbackZone={zone} />
                      <span className="px-1 text-slate-400">
                        <span aria-hidden>→</span>
                        <span className="sr-only">to</span>
                      </span>
                      <LocalTime value={entry.toInterviewAt} fallbackZone={zone} />
                    </>
                  ) : (
                    <span className="text-slate-400">unchanged</span>
                  )}
                </td>
                <td className="px-3 py-2 text-xs">{SOURCE_LABELS[entry.source]}</td>
                <td className="px-3 py-2 text-xs">{entry.actor}</td>
                <td className="px-3 py-2 text-xs text-slate-700">{entry.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
