import Link from "next/link";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { boardHref } from "./board-href";

/** How many pages `total` rows fill (at least one). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** `more`: more match than `total` (a broad search stops counting), so there are pages after the last counted. */
export function Pagination({ query, total, more }: { query: CandidateListQuery; total: number; more: boolean }) {
  const pages = pageCount(total, query.pageSize);
  // A page past the end (an old link, a filter that shrank the list) says so on the board instead.
  if (total === 0 || query.page > pages) return null;
  const first = (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  const counted = more ? `more than ${total}` : `${total}`;
  const linkClass = "rounded-md border border-slate-400 bg-white px-3 py-1 text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
      <p className="tabular-nums">
        {first === last ? `${first}` : `${first}–${last}`} of {counted}
      </p>
      <div className="flex items-center gap-2">
        {query.page > 1 && (
          <Link href={boardHref(query, { page: query.page - 1 })} className={linkClass} rel="prev">
            Previous
          </Link>
        )}
        <span className="tabular-nums">
          Page {query.page} of {more ? `${pages}+` : pages}
        </span>
        {(query.page < pages || more) && (
          <Link href={boardHref(query, { page: query.page + 1 })} className={linkClass} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
