import Link from "next/link";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { DayFilter } from "./day-filter";
import { StatusSelect } from "./status-select";

type Props = { query: CandidateListQuery; now: Date; zone: string; zoneName: string };

/** A plain GET form: filters work without JavaScript and live in the URL. */
export function BoardFilters({ query, now, zone, zoneName }: Props) {
  const filtered = query.q || query.status || query.attention || query.interviewFrom || query.interviewTo;
  return (
    <form method="get" action="/" role="search" className="mb-3 flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-1 basis-32 flex-col gap-1 text-xs font-medium text-slate-700 sm:flex-none">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Name, phone, email or execution id"
          className="w-full rounded-md border border-slate-400 px-3 py-1.5 text-sm font-normal text-slate-900 sm:w-80"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        Status
        <StatusSelect key={query.status ?? ""} value={query.status ?? ""} />
      </label>
      {query.attention && <input type="hidden" name="attention" value="1" />}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      {query.attendance && <input type="hidden" name="attendance" value={query.attendance} />}
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      {filtered && (
        <Link href="/" className="px-2 py-1.5 text-sm text-slate-700 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      )}
      <DayFilter query={query} now={now} zone={zone} zoneName={zoneName} />
    </form>
  );
}
