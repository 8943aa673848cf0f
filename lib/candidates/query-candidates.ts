import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import { attentionCondition, type AttentionClock } from "./attention";
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

export type ListQuery = Omit<CandidateListQuery, "attention"> & { attention?: boolean };

/** The board's filters; "needs attention" depends on the clock (past interviews, quiet calls). */
export function candidateFilter(query: Pick<ListQuery, "status" | "q" | "attention">, clock: AttentionClock): SQL | undefined {
  return and(
    query.status ? eq(candidates.status, query.status) : undefined,
    query.q ? searchCondition(query.q) : undefined,
    query.attention ? attentionCondition(clock) : undefined,
  );
}

type Page = { candidates: Candidate[]; total: number };

function page(db: Db, where: SQL | undefined, order: SQL[], limit: number, offset: number): Candidate[] {
  if (limit <= 0) return [];
  return db
    .select()
    .from(candidates)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all();
}

const countWhere = (db: Db, where: SQL | undefined) => db.select({ n: count() }).from(candidates).where(where).get()?.n ?? 0;

/**
 * Upcoming interviews first, soonest first; then those that have begun, most recent first. Two index range
 * scans (interview_at ≥ now, then < now) instead of sorting the whole table on an expression.
 */
function upcomingFirst(db: Db, where: SQL | undefined, query: ListQuery, now: Date): Page {
  const upcomingWhere = and(where, gte(candidates.interviewAt, now));
  const upcoming = countWhere(db, upcomingWhere);
  const total = upcoming + countWhere(db, and(where, lt(candidates.interviewAt, now)));
  const offset = (query.page - 1) * query.pageSize;
  const fromUpcoming = page(db, upcomingWhere, [asc(candidates.interviewAt), asc(candidates.id)], query.pageSize, offset);
  const pastOffset = Math.max(0, offset - upcoming);
  const fromPast = page(
    db,
    and(where, lt(candidates.interviewAt, now)),
    [desc(candidates.interviewAt), desc(candidates.id)],
    query.pageSize - fromUpcoming.length,
    pastOffset,
  );
  return { candidates: [...fromUpcoming, ...fromPast], total };
}

/**
 * One page of candidates plus the total that matches, for the API and the board. The default order (interview,
 * ascending) lists upcoming interviews first; the others sort plainly.
 */
export function queryCandidates(db: Db, query: ListQuery, clock: AttentionClock): Page {
  const where = candidateFilter(query, clock);
  if (query.sort === "interview" && query.dir === "asc") return upcomingFirst(db, where, query, clock.now);
  const order = query.dir === "desc" ? desc : asc;
  const rows = page(
    db,
    where,
    [order(SORT_COLUMNS[query.sort]), order(candidates.id)],
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { candidates: rows, total: countWhere(db, where) };
}
