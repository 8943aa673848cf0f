import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { ViewerZoneName } from "@/app/_components/viewer-zone";
import type { ReviewQueueItem } from "@/lib/review/list-reviews";

/** Who reviewed what, newest first (admins). */
export function ReviewedTable({ entries }: { entries: ReviewQueueItem[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing has been reviewed yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">Reviewed outcomes, newest first</caption>
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              When (<ViewerZoneName />)
            </th>
            <th scope="col" className="px-3 py-2">
              Reviewer
            </th>
            <th scope="col" className="px-3 py-2">
              Candidate
            </th>
            <th scope="col" className="px-3 py-2">
              Proposed
            </th>
            <th scope="col" className="px-3 py-2">
              Decided
            </th>
            <th scope="col" className="px-3 py-2">
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ item, candidate }) => (
            <tr key={item.id} data-review-id={item.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2 text-xs">
                <LocalTime value={item.resolvedAt} precision="second" />
              </td>
              <td className="px-3 py-2 text-xs">{item.resolvedBy}</td>
              <td className="px-3 py-2">
                <Link href={`/candidates/${candidate.id}`} className="hover:underline">
                  {candidate.name}
                </Link>
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <StatusBadge status={item.proposedStatus} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <span className="mr-1 text-xs text-slate-500">{item.state === "accepted" ? "Accepted" : "Corrected to"}</span>
                {item.resolvedStatus && <StatusBadge status={item.resolvedStatus} />}
              </td>
              <td className="px-3 py-2 text-xs text-slate-700">{item.resolutionReason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
