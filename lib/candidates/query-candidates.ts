import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { calls, candidates, type Candidate } from "@/db/schema";
import { env } from "@/lib/env";
import { phoneSearchDigits } from "@/lib/phone/normalize-phone";
import { attentionCondition, type AttentionClock } from "./attention";
import type { CandidateListQuery } from "./candidate-input";
import { dayRangeInstants, type DayRange } from "./interview-dates";
import { statusCounts } from "./status-counts";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

// An FTS5 string literal: whatever the user typed is matched as a plain substring, never as query syntax.
const phrase = (value: string) => `"${value.replaceAll('"', '""')}"`;
// The trigram index (db/migrations/0005_board_search_totals.sql) finds substrings of three characters or more.
const TRIGRAM = 3;

// An execution id is a UUID: a search of at least this many of its first characters finds its call.
const EXECUTION_PREFIX = 8;
const EXECUTION_LIKE = /^[0-9a-f-]+$/i;

/** Calls whose execution id is q, or starts with it: one range of the unique index on execution_id. */
function executionCalls(q: string): SQL {
  const prefix = q.length >= EXECUTION_PREFIX && EXECUTION_LIKE.test(q);
  const match = prefix
    ? sql`${calls.executionId} >= ${q} and ${calls.executionId} < ${`${q}\u{10FFFF}`}`
    : sql`${calls.executionId} = ${q}`;
  return sql`select ${calls.candidateId} from ${calls} where ${match}`;
}

/** Whether q finds a call by its execution id (one look in the unique index). */
function namesExecution(db: Db, q: string): boolean {
  return db.get<{ one: number } | undefined>(sql`${executionCalls(q)} limit 1`) !== undefined;
}

/** What the search index is asked for q: name or e-mail, and the phone when q is a phone number; null below three characters. */
function indexMatch(q: string): string | null {
  if ([...q].length < TRIGRAM) return null;
  const digits = phoneSearchDigits(q, env().DEFAULT_COUNTRY);
  return [`{name email} : ${phrase(q)}`, digits ? `phone : ${phrase(digits)}` : undefined].filter(Boolean).join(" OR ");
}

/**
 * Name or e-mail containing q (diacritics folded by the index: "muller" finds "Müller"), a phone containing the
 * number q is (also written nationally: "09800000101" finds +919800000101), or a call whose execution id starts
 * with q. The digits of something that is not a phone number (an execution id) never match a phone.
 */
function searchCondition(q: string): SQL {
  const byExecution = inArray(candidates.id, sql`(${executionCalls(q)})`);
  const match = indexMatch(q);
  if (match === null) {
    // Too short for the index: a scan.
    const pattern = `%${escapeLike(q)}%`;
    return or(
      sql`${candidates.name} like ${pattern} escape '\\'`,
      sql`${candidates.email} like ${pattern} escape '\\'`,
      byExecution,
    )!;
  }
  // One list of ids (a UNION, not an OR of two lists): SQLite then looks each id up once instead of merging two
  // lists row by row, which at a million candidates made counting the matches cost more than the page.
  return inArray(
    candidates.id,
    sql`(select rowid from candidates_search where candidates_search match ${match} union ${executionCalls(q)})`,
  );
}

const CANDIDATE = getTableColumns(candidates);

const SORT_COLUMNS = {
  interview: candidates.interviewAt,
  name: candidates.name,
  status: candidates.status,
  updated: candidates.updatedAt,
  lastCall: candidates.lastCallAt,
} as const;

export type ListQuery = Omit<CandidateListQuery, "attention"> & { attention?: boolean };
export type Filters = Pick<ListQuery, "status" | "q" | "attention" | "attendance" | "interviewFrom" | "interviewTo">;

/**
 * Interviews within the day range, on the team's clock: one range on interview_at, which its index (and the
 * status-and-interview index) serve.
 */
export function interviewDayCondition(range: DayRange, zone: string): SQL | undefined {
  const { from, until } = dayRangeInstants(range, zone);
  return and(from ? gte(candidates.interviewAt, from) : undefined, until ? lt(candidates.interviewAt, until) : undefined);
}

/**
 * Interviews that have taken place, of candidates who said they would come, without an attendance mark yet. Read
 * through the partial index kept for exactly this (schema.ts, candidates_to_mark_idx): left to itself the planner
 * takes the status index and looks up every past confirmed candidate's row to check the mark.
 */
const toMark = (now: Date) =>
  inArray(
    candidates.id,
    sql`(select "id" from "candidates" indexed by "candidates_to_mark_idx"
      where "attendance" is null and "status" in ('confirmed', 'rescheduled') and "interview_at" < ${now.getTime()})`,
  );

/**
 * The board's filters, shared by the board, GET /api/candidates and the export; "needs attention" and "to mark"
 * depend on the clock (past interviews, quiet calls), the interview days on its zone.
 */
export function candidateFilter(query: Filters, clock: AttentionClock): SQL | undefined {
  return and(
    interviewDayCondition(query, clock.zone),
    query.status ? eq(candidates.status, query.status) : undefined,
    query.q ? searchCondition(query.q) : undefined,
    query.attention ? attentionCondition(clock) : undefined,
    query.attendance === "to_mark" ? toMark(clock.now) : undefined,
  );
}

/** `more`: more match than `total`, which then stops at the caller's `countAtMost`. */
type Page = { candidates: Candidate[]; total: number; more: boolean };
type Total = Omit<Page, "candidates">;

/**
 * What a page and its count read: the candidates that meet `where`, read from the table, or, for a search, from
 * the search index's matches (`search`: what it is asked) and then each match's row.
 */
type Source = { where: SQL | undefined; search: string | null };

/**
 * The select over a source. A search reads the index's matches first (CROSS JOIN keeps that order) and then each
 * match's row. Its rows are typed by the fields only loosely (Drizzle's join types need concrete fields).
 */
function selectFrom(db: Db, fields: SelectedFields, { where, search }: Source) {
  const select = db.select(fields);
  if (search === null) return select.from(candidates).where(where).$dynamic();
  return select
    .from(sql`candidates_search`)
    .crossJoin(candidates)
    .where(and(sql`candidates_search match ${search} and candidates_search.rowid = ${candidates.id}`, where))
    .$dynamic();
}

function page(db: Db, source: Source, order: SQL[], limit: number, offset: number): Candidate[] {
  if (limit <= 0) return [];
  // Every column of the table, mapped as Drizzle maps a table's rows.
  return selectFrom(db, CANDIDATE, source)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all() as Candidate[];
}

const countWhere = (db: Db, source: Source) => {
  const matches = selectFrom(db, { one: sql`1` }, source).as("matches");
  return db.select({ n: count() }).from(matches).get()?.n ?? 0;
};

/** The matches counted up to one past `atMost`, so that counting grows with what the page needs, not the table. */
function countUpTo(db: Db, source: Source, atMost: number): Total {
  const matches = selectFrom(db, { one: sql`1` }, source)
    .limit(atMost + 1)
    .as("matches");
  const n = db.select({ n: count() }).from(matches).get()?.n ?? 0;
  return n > atMost ? { total: atMost, more: true } : { total: n, more: false };
}

// Without a search, a view or a day range, the total is a status count the triggers keep (a million rows took
// longer to count than the page took to render).
function total(db: Db, query: Filters, source: Source, countAtMost: number | undefined): Total {
  if (query.q || query.attention || query.attendance || query.interviewFrom || query.interviewTo) {
    return countAtMost === undefined ? { total: countWhere(db, source), more: false } : countUpTo(db, source, countAtMost);
  }
  const counts = statusCounts(db);
  return { total: query.status ? counts[query.status] : Object.values(counts).reduce((sum, n) => sum + n, 0), more: false };
}

/**
 * Upcoming interviews first, soonest first; then those that have begun, most recent first: two index range
 * scans (interview_at ≥ now, then < now) instead of sorting the whole table on an expression. The upcoming
 * ones are counted only when a page starts past them.
 */
function upcomingFirst(db: Db, source: Source, query: ListQuery, now: Date): Candidate[] {
  const upcoming = { ...source, where: and(source.where, gte(candidates.interviewAt, now)) };
  const offset = (query.page - 1) * query.pageSize;
  const fromUpcoming = page(db, upcoming, [asc(candidates.interviewAt), asc(candidates.id)], query.pageSize, offset);
  if (fromUpcoming.length === query.pageSize) return fromUpcoming;
  const upcomingCount = fromUpcoming.length > 0 ? offset + fromUpcoming.length : countWhere(db, upcoming);
  const fromPast = page(
    db,
    { ...source, where: and(source.where, lt(candidates.interviewAt, now)) },
    [desc(candidates.interviewAt), desc(candidates.id)],
    query.pageSize - fromUpcoming.length,
    Math.max(0, offset - upcomingCount),
  );
  return [...fromUpcoming, ...fromPast];
}

/**
 * The board's filters as a source. A search that names no call's execution id reads the search index's matches
 * first: written as `id IN (matches)`, as the export and the other filters have it, SQLite copies every match into
 * a temporary index before the first row, for the page and again for its count. At a million candidates, a
 * search matching 20,000 of them spent 13 ms there; read from the index, the count stops at what the page needs
 * (0.3 ms) and the page sorts the matches only (5.6 ms).
 */
function boardSource(db: Db, query: Filters, clock: AttentionClock): Source {
  const search = query.q ? indexMatch(query.q) : null;
  if (search === null || namesExecution(db, query.q!)) return { where: candidateFilter(query, clock), search: null };
  return { where: candidateFilter({ ...query, q: undefined }, clock), search };
}

/**
 * One page of candidates plus the total that matches, for the API and the board. The default order (interview,
 * ascending) lists upcoming interviews first; the others sort plainly. `countAtMost`: a search or a view stops
 * counting past it (the board says "more than"); the API's total is exact.
 */
export function queryCandidates(db: Db, query: ListQuery, clock: AttentionClock, countAtMost?: number): Page {
  const source = boardSource(db, query, clock);
  if (query.sort === "interview" && query.dir === "asc") {
    return { candidates: upcomingFirst(db, source, query, clock.now), ...total(db, query, source, countAtMost) };
  }
  const order = query.dir === "desc" ? desc : asc;
  const rows = page(
    db,
    source,
    [order(SORT_COLUMNS[query.sort]), order(candidates.id)],
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { candidates: rows, ...total(db, query, source, countAtMost) };
}
