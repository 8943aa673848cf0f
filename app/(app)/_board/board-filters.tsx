import Link from "next/link";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { CANDIDATE_STATUSES, CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

/** A plain GET form: filters work without JavaScript and live in the URL. */
export function BoardFilters({ query }: { query: CandidateListQuery }) {
  return (
    <form method="get" action="/" role="search" className="mb-3 flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Search
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Name, phone, email or execution id"
          className="w-80 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-normal text-slate-900"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">
        Status
        <select
          name="status"
          defaultValue={query.status ?? ""}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-normal text-slate-900"
        >
          <option value="">All statuses</option>
          {CANDIDATE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {CANDIDATE_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      {query.attendance && <input type="hidden" name="attendance" value={query.attendance} />}
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
        Apply
      </button>
      {(query.q || query.status) && (
        <Link href="/" className="px-2 py-1.5 text-sm text-slate-600 underline-offset-2 hover:underline">
          Clear filters
        </Link>
      )}
    </form>
  );
}
