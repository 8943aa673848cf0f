import type { Metadata } from "next";
import { AccessDenied } from "@/app/_components/access-denied";
import { getDb } from "@/db/client";
import { analyticsQuery } from "@/lib/analytics/analytics-query";
import { readAnalytics } from "@/lib/analytics/read-analytics";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { CohortFigures, InterviewFigures } from "./analytics-figures";
import { AnalyticsFilters } from "./analytics-filters";
import { dayLabel } from "./analytics-format";
import { HourTable, OverTimeTable, PositionTable, SlotTable } from "./analytics-tables";
import { AnswerRateChart, FunnelChart, RatesOverTimeChart, SlotOutcomesChart } from "./lazy-charts";

export const metadata: Metadata = { title: "Analytics · Callboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Panel({ title, note, children }: { title: string; note: string; children: React.ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div>
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{note}</p>
      </div>
      {children}
    </section>
  );
}

/** The funnel and what a hiring team acts on, for a period of the team's days, from the rollups. */
export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) return <AccessDenied />;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const zone = env().INTERVIEW_TIMEZONE;
  const parsed = analyticsQuery(zone).safeParse(raw);
  const query = parsed.success ? parsed.data : analyticsQuery(zone).parse({});
  const report = await readAnalytics(getDb(), query, zone);
  const { funnel, zoneLabel } = report;
  const zoneName = zoneLabel === zone ? zone : `${zoneLabel}, ${zone}`;
  const unit = query.bucket === "week" ? "week (from Monday)" : "day";

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-xl font-semibold">Analytics</h1>
        <AnalyticsFilters query={query} positions={report.positions} zoneLabel={zoneLabel} />
        {!parsed.success && (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {parsed.error.issues[0]?.message ?? "The period is not valid"}: showing the last 30 days instead.
          </p>
        )}
        <p className="text-xs text-slate-500" data-testid="analytics-period">
          {`${dayLabel(query.from)} to ${dayLabel(query.to)}, days in ${zoneName}${query.position ? `, ${query.position}` : ""}. `}
          {"The figures follow every change within a second."}
          {report.recounting > 0 && ` Still counting the latest changes of ${report.recounting.toLocaleString("en")} candidates.`}
        </p>
      </header>

      <InterviewFigures report={report} query={query} />
      <CohortFigures report={report} query={query} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Funnel" note="Candidates first called in the period: called, reached, confirmed or rescheduled, attended.">
          <figure
            aria-label={`Funnel: called ${funnel.called}, reached ${funnel.reached}, confirmed ${funnel.confirmed}, attended ${funnel.attended}`}
          >
            <FunnelChart funnel={funnel} />
          </figure>
        </Panel>
        <Panel
          title="Confirmation and no-show rates"
          note={`By ${unit} in ${zoneLabel}: confirmations of the candidates first called then; no-shows of the interviews held then.`}
        >
          <figure aria-label="Confirmation and no-show rates over time; the table below has the figures">
            <RatesOverTimeChart overTime={report.overTime} zoneLabel={zoneLabel} />
          </figure>
          <OverTimeTable rows={report.overTime} heading={`${query.bucket === "week" ? "Week from" : "Day"} (${zoneLabel})`} />
        </Panel>
        <Panel title="Outcomes by slot" note={`Interviews in the period by time of day in ${zoneName}, by status now.`}>
          <figure aria-label="Outcomes by interview time of day; the table below has the figures">
            <SlotOutcomesChart bySlot={report.bySlot} zoneLabel={zoneLabel} />
          </figure>
          <SlotTable rows={report.bySlot} heading={`Slot (${zoneLabel})`} />
        </Panel>
        <Panel
          title="When to call"
          note="Answer rate of the calls placed in the period, by hour in the candidate's own time zone."
        >
          <figure aria-label="Answer rate by hour; the table below has the figures">
            <AnswerRateChart hours={report.answerRateByHour} />
          </figure>
          <HourTable rows={report.answerRateByHour} />
        </Panel>
      </div>

      <Panel title="Outcomes by position" note="Candidates first called in the period, by the position they applied for.">
        <PositionTable rows={report.byPosition} />
      </Panel>
    </main>
  );
}
