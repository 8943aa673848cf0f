import Link from "next/link";
import { CallNowButton } from "@/app/_components/call-now-button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { LiveUpdates } from "@/app/_components/live-updates";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { boardStats } from "@/lib/candidates/board-stats";
import { candidateListQuery } from "@/lib/candidates/candidate-input";
import { queryCandidates } from "@/lib/candidates/query-candidates";
import { env } from "@/lib/env";
import { BoardFilters } from "./_board/board-filters";
import { CandidateTable } from "./_board/candidate-table";
import { Pagination } from "./_board/pagination";
import { StatsPanel } from "./_board/stats-panel";
import { attendanceActions, ToMarkLink } from "./_board/to-mark";
import { resetAll } from "./actions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BoardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const query = candidateListQuery.parse(await searchParams);
  const zone = env().INTERVIEW_TIMEZONE;
  const { candidates, total } = queryCandidates(getDb(), query);
  return (
    <main className="mx-auto max-w-7xl p-6">
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Candidates</h1>
        <LiveUpdates />
        <div className="ml-auto flex items-center gap-2">
          <a
            href={`/api/candidates/export?${new URLSearchParams({ ...(query.status && { status: query.status }), ...(query.q && { q: query.q }) })}`}
            download
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
          >
            Export CSV
          </a>
          {can(actor.role, "candidates:write") && (
            <Link
              href="/candidates/import"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
            >
              Import CSV
            </Link>
          )}
          {can(actor.role, "candidates:write") && (
            <Link
              href="/candidates/new"
              className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
            >
              Add candidate
            </Link>
          )}
          {can(actor.role, "candidates:reset") && (
            <ConfirmDialog
              trigger="Reset all"
              title="Reset every candidate to pending?"
              confirm="Reset all"
              tone="danger"
              action={resetAll}
            >
              <p className="text-sm text-slate-600">
                Statuses go back to pending and rescheduled interviews return to their original time. Calls and the audit trail
                are kept.
              </p>
              <label className="flex flex-col gap-1 text-sm">
                Reason (for the audit trail)
                <input name="reason" className="rounded-md border border-slate-300 px-3 py-1.5" />
              </label>
            </ConfirmDialog>
          )}
        </div>
      </header>
      <StatsPanel stats={boardStats(getDb())} query={query} />
      <BoardFilters query={query} />
      <ToMarkLink query={query} />
      {candidates.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
          {query.q || query.status || query.attendance
            ? "No candidate matches these filters."
            : "No candidates yet. Add one to get started."}
        </p>
      ) : (
        <CandidateTable
          rows={candidates}
          query={query}
          zone={zone}
          actions={
            attendanceActions(query, actor) ??
            (can(actor.role, "calls:place")
              ? (row) => <CallNowButton candidateId={row.id} disabled={row.status === "calling"} />
              : undefined)
          }
        />
      )}
      <Pagination query={query} total={total} />
    </main>
  );
}
