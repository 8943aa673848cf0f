import Link from "next/link";
import { STATUS_BAR_COLOURS } from "@/app/_components/status-badge";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import type { BoardStats } from "@/lib/candidates/board-stats";
import { CANDIDATE_STATUSES } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { boardHref } from "./board-href";

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);
const seconds = (value: number | null) =>
  value === null ? "—" : `${Math.floor(value / 60)}m ${String(Math.round(value % 60)).padStart(2, "0")}s`;

// On a phone the counters are one line of chips that scrolls sideways, so that candidates show on the first screen.
const tile =
  "flex items-center justify-between gap-2 whitespace-nowrap rounded-full bg-white px-2.5 py-1 text-sm shadow-sm ring-1 ring-slate-200 hover:ring-slate-400 aria-[current]:ring-2 aria-[current]:ring-slate-900 md:rounded-lg md:px-3 md:py-2";

/** A call figure: a card on a wide screen, "label value" in the one line of figures on a phone. */
function Figure({ label, short, value, hint }: { label: string; short: string; value: string; hint?: string }) {
  return (
    <div className="flex items-baseline gap-1 md:block md:rounded-lg md:bg-white md:px-4 md:py-3 md:shadow-sm md:ring-1 md:ring-slate-200">
      <dt className="text-xs font-medium text-slate-600 md:uppercase md:tracking-wide">
        <span className="md:hidden">{short}</span>
        <span className="max-md:hidden">{label}</span>
      </dt>
      <dd className="text-xs font-semibold tabular-nums md:mt-1 md:text-xl">{value}</dd>
      {hint && <dd className="text-xs text-slate-600 max-md:hidden">{hint}</dd>}
    </div>
  );
}

type Props = {
  stats: BoardStats;
  query: CandidateListQuery;
  /** The interview days the board shows ("on Tue 8 Dec 2026"), when it filters by them: the counts are theirs. */
  days: string | null;
};

/** "Needs attention" first, counts per status (each a filter link), call figures, and a status breakdown bar. */
export function StatsPanel({ stats, query, days }: Props) {
  return (
    <section aria-label="Summary" className="mb-3 flex flex-col gap-2 md:mb-4 md:gap-3">
      {days && (
        <p className="text-xs text-slate-700" data-testid="counts-scope">
          Counts of candidates with an interview {days}.
        </p>
      )}
      <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:grid md:grid-cols-4 md:overflow-visible md:px-0 md:pb-0 lg:grid-cols-7">
        <li className="shrink-0 md:col-span-4 lg:col-span-1">
          <Link
            href={boardHref(query, { attention: !query.attention, status: undefined, page: 1 })}
            aria-current={query.attention ? "true" : undefined}
            className={`${tile} ${stats.attention > 0 ? "bg-amber-50 ring-amber-300" : ""}`}
          >
            <span className="flex items-center gap-2 font-medium">
              <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${stats.attention > 0 ? "bg-amber-500" : "bg-slate-300"}`} />
              Needs attention
            </span>
            <span className="font-semibold tabular-nums" data-testid="count-attention">
              {stats.attention}
            </span>
          </Link>
        </li>
        {CANDIDATE_STATUSES.map((status) => (
          <li key={status} className="shrink-0">
            <Link
              href={boardHref(query, { status: query.status === status ? undefined : status, page: 1 })}
              aria-current={query.status === status ? "true" : undefined}
              className={tile}
            >
              <span className="flex items-center gap-2">
                <span aria-hidden className={`h-2.5 w-2.5 shrink-0 rounded-full ${STATUS_BAR_COLOURS[status]}`} />
                {CANDIDATE_STATUS_LABELS[status]}
              </span>
              <span className="font-semibold tabular-nums" data-testid={`count-${status}`}>
                {stats.byStatus[status]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 md:grid md:grid-cols-4 md:gap-2">
        <dl className="contents">
          <Figure
            label="Answer rate"
            short="Answered"
            value={percent(stats.answeredCalls, stats.finishedCalls)}
            hint={`${stats.answeredCalls} of ${stats.finishedCalls} finished calls`}
          />
          <Figure label="Avg conversation" short="Avg talk" value={seconds(stats.averageConversationSeconds)} />
          <Figure label="Total call cost" short="Cost" value={stats.totalCost.toFixed(2)} hint="Bolna credits" />
        </dl>
        <figure className="rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200 max-md:hidden md:px-4 md:py-3">
          <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-600">Status breakdown</figcaption>
          <div
            className="mt-3 flex h-3 overflow-hidden rounded-full bg-slate-100"
            role="img"
            aria-label={CANDIDATE_STATUSES.map((s) => `${CANDIDATE_STATUS_LABELS[s]} ${stats.byStatus[s]}`).join(", ")}
          >
            {stats.total > 0 &&
              CANDIDATE_STATUSES.map((status) => (
                <span
                  key={status}
                  className={STATUS_BAR_COLOURS[status]}
                  style={{ width: `${(stats.byStatus[status] / stats.total) * 100}%` }}
                />
              ))}
          </div>
          <p className="mt-2 text-xs text-slate-600">
            {stats.total} candidate{stats.total === 1 ? "" : "s"}
          </p>
        </figure>
      </div>
    </section>
  );
}
