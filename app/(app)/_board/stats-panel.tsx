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

const tile =
  "flex items-center justify-between gap-2 rounded-lg bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-200 hover:ring-slate-400 aria-[current]:ring-2 aria-[current]:ring-slate-900";

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200 md:px-4 md:py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums md:text-xl">{value}</dd>
      {hint && <dd className="text-xs text-slate-600">{hint}</dd>}
    </div>
  );
}

/** "Needs attention" first, counts per status (each a filter link), call figures, and a status breakdown bar. */
export function StatsPanel({ stats, query }: { stats: BoardStats; query: CandidateListQuery }) {
  return (
    <section aria-label="Summary" className="mb-4 flex flex-col gap-3">
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        <li className="col-span-2 sm:col-span-4 lg:col-span-1">
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
          <li key={status}>
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
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <dl className="contents">
          <Figure
            label="Answer rate"
            value={percent(stats.answeredCalls, stats.finishedCalls)}
            hint={`${stats.answeredCalls} of ${stats.finishedCalls} finished calls`}
          />
          <Figure label="Avg conversation" value={seconds(stats.averageConversationSeconds)} />
          <Figure label="Total call cost" value={stats.totalCost.toFixed(2)} hint="Bolna credits" />
        </dl>
        <figure className="rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-slate-200 md:px-4 md:py-3">
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
          <p className="mt-2 text-xs text-slate-600">{stats.total} candidates</p>
        </figure>
      </div>
    </section>
  );
}
