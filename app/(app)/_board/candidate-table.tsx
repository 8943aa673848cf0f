import Link from "next/link";
import type { ReactNode } from "react";
import { CallNowButton } from "@/app/_components/call-now-button";
import { InterviewTime } from "@/app/_components/interview-time";
import { LocalTime, ViewerTime } from "@/app/_components/local-time";
import { ZoneAssumed } from "@/app/_components/zone-assumed";
import { StatusBadge } from "@/app/_components/status-badge";
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

function SortHeader({ label, sort, query, hint }: { label: string; sort: Sort; query: CandidateListQuery; hint?: string }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2">
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
    </th>
  );
}

/** Shown before a value on a phone, where the table's header row is hidden and each row is a card. */
function CardLabel({ children }: { children: React.ReactNode }) {
  return <span className="mr-1 text-xs font-medium text-slate-600 md:hidden">{children}</span>;
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

/**
 * The board: a dense table on a wide screen, a card per candidate on a phone (the same rows, restyled, so that
 * screen readers keep the table). Interview times are the candidate's, labelled with their zone; the last
 * column says what happened and what to do next.
 */
export function CandidateTable({ rows, query, zone, clock, canCall, rowActions }: Props) {
  const actions = Boolean(rowActions) || canCall;
  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="block w-full border-collapse text-sm md:table md:table-fixed">
        <colgroup>
          <col className="md:w-[19%]" />
          <col className="md:w-[20%]" />
          <col className="md:w-[11%]" />
          <col className="md:w-[14%]" />
          <col />
          {actions && <col className="md:w-[9rem]" />}
        </colgroup>
        <thead className="max-md:sr-only bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700">
          <tr>
            <SortHeader label="Candidate" sort="name" query={query} />
            <SortHeader label="Interview" sort="interview" query={query} hint="Upcoming first, then past ones" />
            <SortHeader label="Status" sort="status" query={query} />
            <SortHeader label="Call" sort="lastCall" query={query} />
            <th scope="col" className="px-3 py-2">
              What happened · next step
            </th>
            {actions && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {rows.map((row) => {
            const own = candidateZone(row, zone);
            const situation = candidateSituation(row, clock.now, clock.stuckAfterMs);
            const past = row.interviewAt.getTime() <= clock.now.getTime();
            return (
              <tr
                key={row.id}
                data-candidate-id={row.id}
                className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1.5 border-t border-slate-200 p-3 align-top first:border-t-0 hover:bg-slate-50 md:table-row md:p-0"
              >
                <td className="min-w-0 md:px-3 md:py-2">
                  <Link href={`/candidates/${row.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                    {row.name}
                  </Link>
                  <div className="text-xs text-slate-600 tabular-nums">{row.phone}</div>
                  {row.position && <div className="text-xs text-slate-600">{row.position}</div>}
                </td>
                <td className="col-span-2 row-start-2 md:px-3 md:py-2">
                  <CardLabel>Interview</CardLabel>
                  {row.originalInterviewAt && (
                    <span className="block text-xs text-slate-600">
                      <span className="sr-only">Originally </span>
                      <del>
                        <InterviewTime value={row.originalInterviewAt} zone={own} withViewer={false} />
                      </del>
                    </span>
                  )}
                  <InterviewTime value={row.interviewAt} zone={own} />
                  {zoneAssumed(row) && <ZoneAssumed zone={own} />}
                  {past && (
                    <span
                      className={`mt-0.5 inline-block rounded px-1.5 text-xs font-medium ${situation.past ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-700"}`}
                      data-testid="past-interview"
                    >
                      {situation.past ? "Passed without an answer" : "Past"}
                    </span>
                  )}
                  {row.requestedInterviewAt && (
                    <div className="text-xs font-medium text-amber-800">
                      Asked for <InterviewTime value={row.requestedInterviewAt} zone={own} withViewer={false} /> (full)
                    </div>
                  )}
                </td>
                <td className="col-start-2 row-start-1 justify-self-end md:px-3 md:py-2">
                  <StatusBadge status={row.status} label={statusLabel(row)} />
                  <AgentBadges candidate={row} />
                  <ReachBadge candidate={row} />
                </td>
                <td className="col-span-2 text-xs md:px-3 md:py-2">
                  <CardLabel>Call</CardLabel>
                  <span data-testid="call-status" data-call-status={row.callStatus ?? ""}>
                    {row.nextAttemptAt ? "Waiting to ring" : callStatusWords(row.callStatus)}
                  </span>
                  {/* A waiting call's one time is when it rings (the next column): the time it was asked for would be a second. */}
                  {row.lastCallAt && !row.nextAttemptAt && (
                    <span className="text-slate-600 max-md:before:content-['_·_'] md:block">
                      <LocalTime value={row.lastCallAt} />
                    </span>
                  )}
                </td>
                <td className="col-span-2 text-sm md:px-3 md:py-2" data-testid="situation">
                  <p className={situation.stuck || situation.past ? "font-medium text-amber-900" : "text-slate-800"}>
                    {situation.summary}
                    {situation.ringsAt && <ViewerTime value={situation.ringsAt} zone={own} inline />}
                  </p>
                  {situation.next && <p className="text-xs text-slate-600">{situation.next}</p>}
                </td>
                {actions && (
                  <td className="col-span-2 md:px-3 md:py-2">
                    {rowActions ? (
                      rowActions(row)
                    ) : row.doNotCall ? (
                      <span className="text-xs text-slate-600">Not to be called</span>
                    ) : (
                      <CallNowButton
                        key={row.status}
                        candidateId={row.id}
                        name={row.name}
                        askFirst={callAskFirst(row, own, clock.now)}
                        disabled={row.status === "calling"}
                      />
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
