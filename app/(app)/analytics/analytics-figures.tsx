import type { Route } from "next";
import Link from "next/link";
import type { AnalyticsQuery } from "@/lib/analytics/analytics-query";
import type { AnalyticsReport } from "@/lib/analytics/read-analytics";
import type { CandidateStatus } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { credits, dayLabel, percent } from "./analytics-format";

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

/** The board, filtered to the analytics' interview dates (and a status or the "to mark" view). */
function boardHref(query: AnalyticsQuery, filter: { status?: CandidateStatus; attendance?: "to_mark" }): Route {
  const params = new URLSearchParams({ ...filter, interviewFrom: query.from, interviewTo: query.to });
  return `/?${params}` as Route;
}

// Said yes first, then the rest, as a recruiter reads down the list.
const STATUS_ORDER: { status: CandidateStatus; key: keyof AnalyticsReport["interviews"] }[] = [
  { status: "confirmed", key: "confirmed" },
  { status: "rescheduled", key: "rescheduled" },
  { status: "declined", key: "declined" },
  { status: "no_answer", key: "noAnswer" },
  { status: "pending", key: "pending" },
  { status: "calling", key: "calling" },
];

const link = "text-sky-800 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-700";

/**
 * The lens the board shares: the candidates whose interview falls in the period, by their status now. Each count
 * links to the board with the same filter, where the same candidates are listed; the marks are the Attended and
 * No-show tiles (every mark counts, whoever confirmed and however).
 */
export function InterviewFigures({ report, query }: { report: AnalyticsReport; query: AnalyticsQuery }) {
  const { interviews } = report;
  const span = `${dayLabel(query.from)} – ${dayLabel(query.to)} (${report.zoneLabel})`;
  return (
    <section aria-labelledby="interviews-heading" className="flex flex-col gap-2">
      <div>
        <h2 id="interviews-heading" className="text-sm font-semibold">
          Interviews {span}, by status now
        </h2>
        <p className="text-xs text-slate-500">
          What the board shows for these interview dates: each count opens the board with the same filter
          {query.position ? " (the board lists every position)" : ""}.
        </p>
      </div>
      <ul aria-label="Interviews by status now" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {STATUS_ORDER.map(({ status, key }) => (
          <li key={status}>
            <Link href={boardHref(query, { status })} className={link} data-testid={`interviews-${status}`}>
              {CANDIDATE_STATUS_LABELS[status]} <span className="font-semibold tabular-nums">{interviews[key]}</span>
            </Link>
          </li>
        ))}
      </ul>
      <dl className="grid grid-cols-3 gap-2 md:grid-cols-4">
        <Figure label="Interviews" value={String(interviews.candidates)} testId="figure-interviews" />
        <Figure label="Attended" value={String(interviews.attended)} hint="marked by a recruiter" testId="figure-attended" />
        <Figure
          label="No-show"
          value={String(interviews.noShow)}
          hint={`${percent(interviews.noShowRate)} of marked`}
          testId="figure-no-show"
        />
      </dl>
      <p className="text-sm">
        <Link href={boardHref(query, { attendance: "to_mark" })} className={link}>
          Attendance to mark
        </Link>
      </p>
    </section>
  );
}

/** The cohort: what happened to the candidates first called in the period, from the audit trail. */
export function CohortFigures({ report, query }: { report: AnalyticsReport; query: AnalyticsQuery }) {
  const { funnel, cost } = report;
  const span = `${dayLabel(query.from)} – ${dayLabel(query.to)} (${report.zoneLabel})`;
  return (
    <section aria-labelledby="cohort-heading" className="flex flex-col gap-2">
      <div>
        <h2 id="cohort-heading" className="text-sm font-semibold">
          Candidates first called {span}
        </h2>
        <p className="text-xs text-slate-500">
          What happened to them since, whatever their status is today: one who confirmed and later declined counts as both, and a
          candidate never called is not here.
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <Figure label="Called" value={String(funnel.called)} testId="figure-called" />
        <Figure
          label="Reached"
          value={String(funnel.reached)}
          hint={`${percent(funnel.reachRate)} of called`}
          testId="figure-reached"
        />
        <Figure
          label="Confirmed or rescheduled"
          value={String(funnel.confirmed)}
          hint={`at some point · ${percent(funnel.confirmationRate)} of reached`}
          testId="figure-confirmed"
        />
        <Figure label="Declined" value={String(funnel.declined)} hint="at some point" testId="figure-declined" />
        <Figure
          label="Attempts per reached"
          value={report.attemptsPerReached === null ? "—" : report.attemptsPerReached.toFixed(2)}
          hint="calls until someone answered"
          testId="figure-attempts"
        />
        <Figure
          label="Cost per confirmed"
          value={credits(cost.perConfirmed)}
          hint="Bolna credits"
          testId="figure-cost-confirmed"
        />
        <Figure
          label="Cost per attended"
          value={credits(cost.perAttended)}
          hint={`Bolna credits · ${funnel.attended} of them attended`}
          testId="figure-cost-attended"
        />
        <Figure label="Total call cost" value={credits(cost.total)} hint="Bolna credits" testId="figure-cost-total" />
      </dl>
    </section>
  );
}
