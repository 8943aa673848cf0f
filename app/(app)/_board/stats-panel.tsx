import Link from "next/link";
import { STATUS_BAR_COLOURS } from "@/app/_components/status-badge";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import type { BoardStats } from "@/lib/candidates/board-stats";
import { CANDIDATE_STATUSES, CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { boardHref } from "./board-href";

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);
const seconds = (value: number | null) =>
  value === null ? "—" : `${Math.floor(value / 60)}m ${String(Math.round(value % 60)).padStart(2, "0")}s`;

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

/** Counts per status (each a filter link), call figures, and a status breakdown bar. */
export function StatsPanel({ stats, query }: { stats: BoardStats; query: CandidateListQuery }) {
  return (
    <section aria-label="Summary" className="mb-4 flex flex-col gap-3">
      <ul className="grid grid-cols-3 gap-2 md:grid-cols-6">
        {CANDIDATE_STATUSES.map((status) => (
          <li key={status}>
            <Link
              href={boardHref(query, { status: query.status === status ? undefined : status, page: 1 })}
              aria-current={query.status === status ? "true" : undefined}
              className="flex items-center justify-between rounded-lg bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-200 hover:ring-slate-400 aria-[current]:ring-2 aria-[current]:ring-slate-900"
            >
              <span className="flex items-center gap-2">
                <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${STATUS_BAR_COLOURS[status]}`} />
                {CANDIDATE_STATUS_LABELS[status]}
              </span>
              <span className="font-semibold tabular-nums" data-testid={`count-${status}`}>
                {stats.byStatus[status]}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-4">
        <dl className="contents">
          <Figure
            label="Answer rate"
            value={percent(stats.answeredCalls, stats.finishedCalls)}
            hint={`${stats.answeredCalls} of ${stats.finishedCalls} finished calls`}
          />
          <Figure label="Avg conversation" value={seconds(stats.averageConversationSeconds)} />
          <Figure label="Total call cost" value={stats.totalCost.toFixed(2)} hint="Bolna credits" />
        </dl>
        <figure className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
          <figcaption className="text-xs font-medium uppercase tracking-wide text-slate-500">Status breakdown</figcaption>
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
          <p className="mt-2 text-xs text-slate-500">{stats.total} candidates</p>
        </figure>
      </div>
    </section>
  );
}
