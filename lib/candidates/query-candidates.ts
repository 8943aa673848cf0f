import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import type { CandidateListQuery } from "./candidate-input";

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
  return or(
    inArray(candidates.id, sql`(select rowid from candidates_search where candidates_search match ${match})`),
    byExecution,
  )!;
}

const SORT_COLUMNS = {
  interview: candidates.interviewAt,
  name: candidates.name,
  status: candidates.status,
  updated: candidates.updatedAt,
  lastCall: candidates.lastCallAt,
} as const;

export function candidateFilter(query: Pick<CandidateListQuery, "status" | "q">): SQL | undefined {
  return and(query.status ? eq(candidates.status, query.status) : undefined, query.q ? searchCondition(query.q) : undefined);
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
  const total = db.select({ n: count() }).from(candidates).where(where).get()?.n ?? 0;
  return { candidates: rows, total };
}
