import Link from "next/link";
import { AttendanceControl } from "@/app/_components/attendance-control";
import type { Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { boardHref } from "./board-href";

/** The board's "to mark" view: past interviews of candidates who said they would come, unmarked. */
export function ToMarkLink({ query }: { query: CandidateListQuery }) {
  const active = query.attendance === "to_mark";
  return (
    <Link
      href={boardHref(query, { attendance: active ? undefined : "to_mark", status: undefined, page: 1 })}
      aria-current={active ? "true" : undefined}
      className="mb-3 inline-flex rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50 aria-[current]:border-slate-900 aria-[current]:font-medium sm:px-3 sm:py-1.5 sm:text-sm"
    >
      {active ? "Showing interviews to mark: show all" : "Attendance to mark"}
    </Link>
  );
}

/** In the "to mark" view each row gets the attendance buttons instead of "Call now". */
export function attendanceActions(query: CandidateListQuery, actor: Actor) {
  if (query.attendance !== "to_mark" || !can(actor.role, "candidates:write")) return undefined;
  return function AttendanceAction(row: Candidate) {
    return <AttendanceControl candidateId={row.id} candidateName={row.name} current={row.attendance} />;
  };
}
