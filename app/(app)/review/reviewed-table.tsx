import Link from "next/link";
import { DataTable } from "@/app/_components/data-table";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { ViewerZoneName } from "@/app/_components/viewer-zone";
import type { ReviewQueueItem } from "@/lib/review/list-reviews";

/** Who reviewed what, newest first (admins). */
export function ReviewedTable({ entries }: { entries: ReviewQueueItem[] }) {
  return (
    <DataTable
      name={{ caption: "Reviewed outcomes, newest first" }}
      empty="Nothing has been reviewed yet."
      rows={entries}
      rowKey={({ item }) => item.id}
      rowProps={({ item }) => ({ "data-review-id": item.id })}
      columns={[
        {
          header: (
            <>
              When (<ViewerZoneName />)
            </>
          ),
          cell: ({ item }) => <LocalTime value={item.resolvedAt} precision="second" />,
          className: "text-xs md:whitespace-nowrap",
        },
        { header: "Reviewer", cell: ({ item }) => item.resolvedBy, className: "text-xs", cardLabel: "By" },
        {
          header: "Candidate",
          cell: ({ candidate }) => (
            <Link href={`/candidates/${candidate.id}`} className="font-medium hover:underline md:font-normal">
              {candidate.name}
            </Link>
          ),
        },
        {
          header: "Proposed",
          cell: ({ item }) => <StatusBadge status={item.proposedStatus} />,
          className: "md:whitespace-nowrap",
          cardLabel: "Proposed",
        },
        {
          header: "Decided",
          cell: ({ item }) => (
            <>
              <span className="mr-1 text-xs text-slate-600">{item.state === "accepted" ? "Accepted" : "Corrected to"}</span>
              {item.resolvedStatus && <StatusBadge status={item.resolvedStatus} />}
            </>
          ),
          className: "md:whitespace-nowrap",
        },
        { header: "Reason", cell: ({ item }) => item.resolutionReason ?? "", className: "text-xs text-slate-700" },
      ]}
    />
  );
}
