import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import type { CandidateListQuery } from "./candidate-input";
import { statusCounts } from "./status-counts";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

// An FTS5 string literal: whatever the user typed is matched as a plain substring, never as query syntax.
const phrase = (value: string) => `"${value.replaceAll('"', '""')}"`;
// The trigram index (db/migrations/0005_board_search_totals.sql) finds substrings of three characters or more.
const TRIGRAM = 3;

/** Name or e-mail containing q, a phone containing its digits, or exactly an execution id. */
function searchCondition(q: string): SQL {
  const byExecution = inArray(candidates.id, sql`(select ${calls.candidateId} from ${calls} where ${calls.executionId} = ${q})`);
  if ([...q].length < TRIGRAM) {
    // Too short for the index: a scan.
    const pattern = `%${escapeLike(q)}%`;
    return or(
      sql`${candidates.name} like ${pattern} escape '\\'`,
      sql`${candidates.email} like ${pattern} escape '\\'`,
      byExecution,
    )!;
  }
  const digits = q.replace(/\D/g, "");
  const match = [`{name email} : ${phrase(q)}`, digits.length >= TRIGRAM ? `phone : ${phrase(digits)}` : undefined]
    .filter(Boolean)
    .join(" OR ");
  // One list of ids (a UNION, not an OR of two lists): SQLite then looks each id up once instead of merging two
  // lists row by row, which at a million candidates made counting the matches cost more than the page.
  return inArray(
    candidates.id,
    sql`(select rowid from candidates_search where candidates_search match ${match} union select ${calls.candidateId} from ${calls} where ${calls.executionId} = ${q})`,
  );
}

const SORT_COLUMNS = {
  interview: candidates.interviewAt,
  name: candidates.name,
  status: candidates.status,
  updated: candidates.updatedAt,
  lastCall: candidates.lastCallAt,
} as const;

/** Interviews that have taken place, of candidates who said they would come, without an attendance mark yet. */
/**
 * Interviews that have taken place, of candidates who said they would come, without an attendance mark yet. Read
 * through the partial index kept for exactly this (schema.ts, candidates_to_mark_idx): left to itself the planner
 * takes the status index and looks up every past confirmed candidate's row to check the mark.
 */
const toMark = () =>
  inArray(
    candidates.id,
    sql`(select "id" from "candidates" indexed by "candidates_to_mark_idx"
      where "attendance" is null and "status" in ('confirmed', 'rescheduled') and "interview_at" < ${Date.now()})`,
  );

type Filters = Pick<CandidateListQuery, "status" | "q"> & Partial<Pick<CandidateListQuery, "attendance">>;

export function candidateFilter(query: Filters): SQL | undefined {
  return and(
    query.status ? eq(candidates.status, query.status) : undefined,
    query.q ? searchCondition(query.q) : undefined,
    query.attendance === "to_mark" ? toMark() : undefined,
  );
}

// Without a search or the attendance filter, the total is a status count the triggers keep (a million rows took
// longer to count than the page took to render).
function total(db: Db, query: CandidateListQuery, where: SQL | undefined): number {
  if (!query.q && !query.attendance) {
    const counts = statusCounts(db);
    return query.status ? counts[query.status] : Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
  return db.select({ n: count() }).from(candidates).where(where).get()?.n ?? 0;
}

/** One page of candidates plus the total that matches, for the API and the board. */
export function queryCandidates(db: Db, query: CandidateListQuery): { candidates: Candidate[]; total: number } {
  const where = candidateFilter(query);
  const order = query.dir === "desc" ? desc : asc;
  const rows = db
    .select()
    .from(candidates)
    .where(where)
    .orderBy(order(SORT_COLUMNS[query.sort]), order(candidates.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return { candidates: rows, total: total(db, query, where) };
}
