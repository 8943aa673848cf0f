import Link from "next/link";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { boardHref } from "./board-href";

export function Pagination({ query, total }: { query: CandidateListQuery; total: number }) {
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const first = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const last = Math.min(total, query.page * query.pageSize);
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <p className="tabular-nums">
        {first}–{last} of {total}
      </p>
      <div className="flex items-center gap-2">
        {query.page > 1 && (
          <Link href={boardHref(query, { page: query.page - 1 })} className={linkClass} rel="prev">
            Previous
          </Link>
        )}
        <span className="tabular-nums">
          Page {Math.min(query.page, pages)} of {pages}
        </span>
        {query.page < pages && (
          <Link href={boardHref(query, { page: query.page + 1 })} className={linkClass} rel="next">
            Next
          </Link>
        )}
      </div>
    </nav>
  );
}
