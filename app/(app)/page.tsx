import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { TextAreaField } from "@/app/_components/form-field";
import { LiveUpdates } from "@/app/_components/live-updates";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { attentionClock } from "@/lib/candidates/attention";
import { boardStats } from "@/lib/candidates/board-stats";
import { boardListQuery, MAX_SEARCH_LENGTH } from "@/lib/candidates/candidate-input";
import { queryCandidates } from "@/lib/candidates/query-candidates";
import { dayRangeWords } from "@/lib/candidates/interview-dates";
import { zoneLabel } from "@/lib/time/format";
import { BoardFilters } from "./_board/board-filters";
import { boardHref } from "./_board/board-href";
import { CandidateTable } from "./_board/candidate-table";
import { pageCount, Pagination } from "./_board/pagination";
import { StatsPanel } from "./_board/stats-panel";
import { attendanceActions, ToMarkLink } from "./_board/to-mark";
import { resetAll } from "./actions";

export const metadata: Metadata = { title: "Candidates" };

/** Matches a search or view counts before it says "more than" (a million candidates took longer to count). */
const COUNT_AT_LEAST = 1000;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const linkButton =
  "whitespace-nowrap rounded-md border border-slate-400 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-50 sm:px-3 sm:py-1.5 sm:text-sm";

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center text-slate-700">{children}</p>;
}

export default async function BoardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const { query, searchCut } = boardListQuery(await searchParams);
  const clock = attentionClock();
  const { zone } = clock;
  const zoneName = zone === zoneLabel(clock.now, zone) ? zone : `${zone}, ${zoneLabel(clock.now, zone)}`;
  const db = getDb();
  // A broad search counts its matches only as far as the page needs: "1–25 of more than 1000".
  const { candidates, total, more } = queryCandidates(db, query, clock, Math.max(COUNT_AT_LEAST, query.page * query.pageSize));
  const days = Boolean(query.interviewFrom || query.interviewTo);
  const filtered = Boolean(query.q || query.status || query.attention || query.attendance || days);
  const pages = pageCount(total, query.pageSize);
  const exportQuery = new URLSearchParams({
    ...(query.status && { status: query.status }),
    ...(query.q && { q: query.q }),
    ...(query.attention && { attention: "1" }),
    ...(query.interviewFrom && { interviewFrom: query.interviewFrom }),
    ...(query.interviewTo && { interviewTo: query.interviewTo }),
  });
  return (
    <main className="mx-auto max-w-7xl px-4 py-4 sm:px-6 sm:py-6">
      <header className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-2 sm:mb-4">
        <h1 className="text-xl font-semibold">{query.attention ? "Candidates who need attention" : "Candidates"}</h1>
        <LiveUpdates />
        <div className="flex flex-wrap items-center gap-2 sm:ml-auto">
          <a href={`/api/candidates/export?${exportQuery}`} download className={linkButton}>
            Export CSV
          </a>
          {can(actor.role, "candidates:write") && (
            <Link href="/candidates/import" className={linkButton}>
              Import CSV
            </Link>
          )}
          {can(actor.role, "candidates:write") && (
            <Link
              href="/candidates/new"
              className="whitespace-nowrap rounded-md bg-slate-900 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700 sm:px-3 sm:py-1.5 sm:text-sm"
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
              <p className="text-sm text-slate-700">
                Statuses go back to pending and rescheduled interviews return to their original time. Calls and the audit trail
                are kept.
              </p>
              <TextAreaField label="Reason (for the audit trail)" name="reason" rows={2} maxLength={500} />
            </ConfirmDialog>
          )}
        </div>
      </header>
      <StatsPanel stats={boardStats(db, clock, query)} query={query} days={days ? dayRangeWords(query) : null} />
      <BoardFilters query={query} now={clock.now} zone={zone} zoneName={zoneName} />
      <ToMarkLink query={query} />
      {searchCut && (
        <p role="status" className="mb-3 text-sm text-amber-800">
          {`The search was longer than ${MAX_SEARCH_LENGTH} characters: its first ${MAX_SEARCH_LENGTH} were searched.`}
        </p>
      )}
      {query.attention && (
        <p className="mb-3 text-sm text-slate-700">
          Calls with no word from Bolna, reschedules into a full slot, interviews that passed without an answer, and answers
          nobody could read.
        </p>
      )}
      {total === 0 ? (
        <Empty>
          {query.attention && !query.q && !query.status
            ? "Nothing needs attention."
            : days && !query.q && !query.status && !query.attention
              ? `No interview ${dayRangeWords(query)}.`
              : filtered
                ? "No candidate matches these filters."
                : "No candidates yet. Add one to get started."}
        </Empty>
      ) : query.page > pages ? (
        <Empty>
          There is no page {query.page}: {total} candidate{total === 1 ? "" : "s"} fill {pages} page{pages === 1 ? "" : "s"}.{" "}
          <Link href={boardHref(query, { page: pages })} className="font-medium text-sky-800 underline">
            Go to page {pages}
          </Link>
        </Empty>
      ) : (
        <CandidateTable
          rows={candidates}
          query={query}
          zone={zone}
          clock={clock}
          canCall={can(actor.role, "calls:place")}
          rowActions={attendanceActions(query, actor)}
        />
      )}
      <Pagination query={query} total={total} more={more} />
    </main>
  );
}
