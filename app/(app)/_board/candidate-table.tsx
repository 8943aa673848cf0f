import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import type { Candidate } from "@/db/schema";
import { CANDIDATE_SORTS, type CandidateListQuery } from "@/lib/candidates/candidate-input";
import { boardHref } from "./board-href";
import { ReachBadge } from "./reach-badge";

type Sort = (typeof CANDIDATE_SORTS)[number];

function SortHeader({ label, sort, query }: { label: string; sort: Sort; query: CandidateListQuery }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2">
      <Link href={boardHref(query, { sort, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <span aria-hidden className={active ? "" : "invisible"}>
          {query.dir === "asc" ? "▲" : "▼"}
        </span>
      </Link>
    </th>
  );
}

type Props = { rows: Candidate[]; query: CandidateListQuery; zone: string; actions?: (row: Candidate) => React.ReactNode };

/** The board: one dense row per candidate; fixed column widths so a live update never shifts the layout. */
export function CandidateTable({ rows, query, zone, actions }: Props) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full table-fixed border-collapse text-sm">
        <colgroup>
          <col className="w-[18%]" />
          <col className="w-[14%]" />
          <col className="w-[15%]" />
          <col className="w-[10%]" />
          <col className="w-[11%]" />
          <col className="w-[12%]" />
          <col />
          {actions && <col className="w-[9%]" />}
        </colgroup>
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <SortHeader label="Candidate" sort="name" query={query} />
            <th scope="col" className="px-3 py-2">
              Position
            </th>
            <SortHeader label="Interview" sort="interview" query={query} />
            <SortHeader label="Status" sort="status" query={query} />
            <th scope="col" className="px-3 py-2">
              Call
            </th>
            <SortHeader label="Last call" sort="lastCall" query={query} />
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            {actions && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-candidate-id={row.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
              <td className="truncate px-3 py-2">
                <Link href={`/candidates/${row.id}`} className="font-medium text-slate-900 hover:underline">
                  {row.name}
                </Link>
                <div className="text-xs text-slate-500 tabular-nums">{row.phone}</div>
              </td>
              <td className="truncate px-3 py-2">{row.position ?? "—"}</td>
              <td className="px-3 py-2">
                {row.originalInterviewAt && (
                  <div className="text-xs text-slate-400 line-through" aria-label="Original interview">
                    <LocalTime value={row.originalInterviewAt} fallbackZone={zone} />
                  </div>
                )}
                <LocalTime value={row.interviewAt} fallbackZone={zone} />
                {row.requestedInterviewAt && <div className="text-xs font-medium text-amber-700">Asked for a full slot</div>}
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={row.status} />
                <ReachBadge candidate={row} zone={zone} />
              </td>
              <td className="truncate px-3 py-2 font-mono text-xs" data-testid="call-status">
                {row.callStatus ?? "—"}
              </td>
              <td className="px-3 py-2 text-xs">
                {row.lastCallAt ? <LocalTime value={row.lastCallAt} fallbackZone={zone} /> : "—"}
              </td>
              <td className="truncate px-3 py-2 text-xs text-slate-600" title={row.statusReason ?? undefined}>
                {row.statusReason ?? ""}
              </td>
              {actions && <td className="px-3 py-2">{actions(row)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
