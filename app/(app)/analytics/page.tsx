import type { Metadata } from "next";
import { AccessDenied } from "@/app/_components/access-denied";
import { getDb } from "@/db/client";
import { analyticsQuery } from "@/lib/analytics/analytics-query";
import { readAnalytics } from "@/lib/analytics/read-analytics";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { AnalyticsFilters } from "./analytics-filters";
import { credits, percent } from "./analytics-format";
import { HourTable, OverTimeTable, PositionTable, SlotTable } from "./analytics-tables";
import { AnswerRateChart, FunnelChart, RatesOverTimeChart, SlotOutcomesChart } from "./lazy-charts";

export const metadata: Metadata = { title: "Analytics · Callboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
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

/** The funnel and what a hiring team acts on (issue #15), for a period of UTC days, from the history rollups. */
export default async function AnalyticsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) return <AccessDenied />;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const parsed = analyticsQuery().safeParse(raw);
  const query = parsed.success ? parsed.data : analyticsQuery().parse({});
  const zone = env().INTERVIEW_TIMEZONE;
  const report = readAnalytics(getDb(), query, zone);
  const { funnel, cost } = report;

  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-xl font-semibold">Analytics</h1>
        <AnalyticsFilters query={query} positions={report.positions} />
        {!parsed.success && (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {parsed.error.issues[0]?.message ?? "The period is not valid"}: showing the last 30 days instead.
          </p>
        )}
        <p className="text-xs text-slate-500">
          {query.from} to {query.to} (UTC days){query.position ? `, ${query.position}` : ""}. The funnel counts the candidates
          first called in the period, whatever happened to them since; slots and no-shows count the interviews held in it.
        </p>
      </header>

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
          hint={`${percent(funnel.confirmationRate)} of reached`}
          testId="figure-confirmed"
        />
        <Figure
          label="Attended"
          value={String(funnel.attended)}
          hint={`${percent(funnel.attendanceRate)} of confirmed · no-show ${percent(funnel.noShowRate)}`}
          testId="figure-attended"
        />
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
        <Figure label="Cost per attended" value={credits(cost.perAttended)} hint="Bolna credits" testId="figure-cost-attended" />
        <Figure label="Total call cost" value={credits(cost.total)} hint="Bolna credits" testId="figure-cost-total" />
      </dl>

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
          note={`By ${query.bucket} (UTC): confirmations of the candidates first called then; no-shows of the interviews held then.`}
        >
          <figure aria-label="Confirmation and no-show rates over time; the table below has the figures">
            <RatesOverTimeChart overTime={report.overTime} />
          </figure>
          <OverTimeTable rows={report.overTime} />
        </Panel>
        <Panel title="Outcomes by slot" note={`Interviews in the period by time of day (${zone}), as they stand now.`}>
          <figure aria-label="Outcomes by interview time of day; the table below has the figures">
            <SlotOutcomesChart bySlot={report.bySlot} />
          </figure>
          <SlotTable rows={report.bySlot} />
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
