import Link from "next/link";
import type { ReactNode } from "react";
import { CallNowButton } from "@/app/_components/call-now-button";
import { InterviewTime } from "@/app/_components/interview-time";
import { LocalTime, ViewerTime } from "@/app/_components/local-time";
import { ZoneAssumed } from "@/app/_components/zone-assumed";
import { StatusBadge } from "@/app/_components/status-badge";
import { DataTable, type Column } from "@/app/_components/data-table";
import type { Candidate } from "@/db/schema";
import type { AttentionClock } from "@/lib/candidates/attention";
import { CANDIDATE_SORTS, type CandidateListQuery } from "@/lib/candidates/candidate-input";
import { callAskFirst, callStatusWords, candidateSituation } from "@/lib/candidates/candidate-situation";
import { statusLabel } from "@/lib/candidates/state-machine";
import { candidateZone, zoneAssumed } from "@/lib/time/zone-for-phone";
import { boardHref } from "./board-href";
import { AgentBadges } from "@/app/_components/agent-badges";
import { ReachBadge } from "./reach-badge";

type Sort = (typeof CANDIDATE_SORTS)[number];

function SortLink({ label, sort, query, hint }: { label: string; sort: Sort; query: CandidateListQuery; hint?: string }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <Link
      href={boardHref(query, { sort, dir, page: 1 })}
      className="inline-flex items-center gap-1 hover:text-slate-950"
      title={hint}
    >
      {label}
      <span aria-hidden className={active ? "" : "invisible"}>
        {query.dir === "asc" ? "▲" : "▼"}
      </span>
    </Link>
  );
}

function sorted(query: CandidateListQuery, sort: Sort): Column<BoardRow>["sort"] {
  if (query.sort !== sort) return undefined;
  return query.dir === "asc" ? "ascending" : "descending";
}

type Props = {
  rows: Candidate[];
  query: CandidateListQuery;
  /** INTERVIEW_TIMEZONE: the zone of a candidate whose own is unknown (other times are the viewer's). */
  zone: string;
  clock: AttentionClock;
  canCall: boolean;
  /** In place of "Call now": the attendance buttons of the "to mark" view (./to-mark.tsx). */
  rowActions?: (row: Candidate) => ReactNode;
};

/** A row with what its cells work out once: the candidate's zone and where their call stands. */
type BoardRow = { candidate: Candidate; own: string; situation: ReturnType<typeof candidateSituation>; past: boolean };

function InterviewCell({ row: { candidate, own, situation, past } }: { row: BoardRow }) {
  return (
    <>
      {candidate.originalInterviewAt && (
        <span className="block text-xs text-slate-600">
          <span className="sr-only">Originally </span>
          <del>
            <InterviewTime value={candidate.originalInterviewAt} zone={own} withViewer={false} />
          </del>
        </span>
      )}
      <InterviewTime value={candidate.interviewAt} zone={own} />
      {zoneAssumed(candidate) && <ZoneAssumed zone={own} />}
      {past && (
        <span
          className={`mt-0.5 inline-block rounded px-1.5 text-xs font-medium ${situation.past ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
          data-testid="past-interview"
        >
          {situation.past ? "Passed without an answer" : "Past"}
        </span>
      )}
      {candidate.requestedInterviewAt && (
        <div className="text-xs font-medium text-amber-800">
          Asked for <InterviewTime value={candidate.requestedInterviewAt} zone={own} withViewer={false} /> (full)
        </div>
      )}
    </>
  );
}

function CallCell({ candidate }: { candidate: Candidate }) {
  return (
    <>
      <span data-testid="call-status" data-call-status={candidate.callStatus ?? ""}>
        {candidate.nextAttemptAt ? "Waiting to ring" : callStatusWords(candidate.callStatus)}
      </span>
      {/* A waiting call's one time is when it rings (the next column): the time it was asked for would be a second. */}
      {candidate.lastCallAt && !candidate.nextAttemptAt && (
        <span className="text-slate-600 max-md:before:content-['_·_'] md:block">
          <LocalTime value={candidate.lastCallAt} />
        </span>
      )}
    </>
  );
}

function SituationCell({ row: { own, situation } }: { row: BoardRow }) {
  return (
    <div data-testid="situation">
      <p className={situation.stuck || situation.past ? "font-medium text-amber-900" : "text-slate-800"}>
        {situation.summary}
        {situation.ringsAt && <ViewerTime value={situation.ringsAt} zone={own} inline />}
      </p>
      {situation.next && <p className="text-xs text-slate-600">{situation.next}</p>}
    </div>
  );
}

/**
 * The board: a dense table on a wide screen, a card per candidate on a phone (the same rows, restyled, so that
 * screen readers keep the table). Interview times are the candidate's, labelled with their zone; the last
 * column says what happened and what to do next.
 */
export function CandidateTable({ rows, query, zone, clock, canCall, rowActions }: Props) {
  const sortable = (label: string, sort: Sort, hint?: string) => ({
    header: <SortLink label={label} sort={sort} query={query} hint={hint} />,
    sort: sorted(query, sort),
  });
  const boardRows = rows.map((candidate): BoardRow => {
    const own = candidateZone(candidate, zone);
    const situation = candidateSituation(candidate, clock.now, clock.stuckAfterMs);
    return { candidate, own, situation, past: candidate.interviewAt.getTime() <= clock.now.getTime() };
  });
  return (
    <DataTable
      name={{ caption: "Candidates" }}
      rows={boardRows}
      rowKey={(row) => row.candidate.id}
      rowProps={(row) => ({ "data-candidate-id": row.candidate.id })}
      className="md:table-fixed"
      cardLayout="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5"
      columns={[
        {
          ...sortable("Candidate", "name"),
          width: "md:w-[19%]",
          className: "min-w-0",
          cell: ({ candidate }) => (
            <>
              <Link
                href={`/candidates/${candidate.id}`}
                className="font-medium text-slate-900 underline-offset-2 hover:underline"
              >
                {candidate.name}
              </Link>
              <div className="text-xs text-slate-600 tabular-nums">{candidate.phone}</div>
              {candidate.position && <div className="text-xs text-slate-600">{candidate.position}</div>}
            </>
          ),
        },
        {
          ...sortable("Interview", "interview", "Upcoming first, then past ones"),
          width: "md:w-[20%]",
          className: "col-span-2 row-start-2",
          cardLabel: "Interview",
          cell: (row) => <InterviewCell row={row} />,
        },
        {
          ...sortable("Status", "status"),
          width: "md:w-[11%]",
          className: "col-start-2 row-start-1 justify-self-end",
          cell: ({ candidate }) => (
            <>
              <StatusBadge status={candidate.status} label={statusLabel(candidate)} />
              <AgentBadges candidate={candidate} />
              <ReachBadge candidate={candidate} />
            </>
          ),
        },
        {
          ...sortable("Call", "lastCall"),
          width: "md:w-[14%]",
          className: "col-span-2 text-xs",
          cardLabel: "Call",
          cell: ({ candidate }) => <CallCell candidate={candidate} />,
        },
        {
          header: "What happened · next step",
          className: "col-span-2 text-sm",
          cell: (row) => <SituationCell row={row} />,
        },
        (Boolean(rowActions) || canCall) && {
          header: <span className="sr-only">Actions</span>,
          width: "md:w-[9rem]",
          className: "col-span-2",
          cell: ({ candidate, own }) =>
            rowActions ? (
              rowActions(candidate)
            ) : candidate.doNotCall ? (
              <span className="text-xs text-slate-600">Not to be called</span>
            ) : (
              <CallNowButton
                key={candidate.status}
                candidateId={candidate.id}
                name={candidate.name}
                askFirst={callAskFirst(candidate, own, clock.now)}
                disabled={candidate.status === "calling"}
              />
            ),
        },
      ]}
    />
  );
}
