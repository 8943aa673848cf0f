import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { dayCacheReady } from "./day-cache";
import { addDays, QUARTER_HOUR_MS, quarterOf, type TeamDays } from "./team-days";

const FUNNEL = ["called", "reached", "attemptsToReach", "confirmed", "declined", "attended", "noShow", "cost"] as const;
export type FunnelCounts = Record<(typeof FUNNEL)[number], number>;
const SLOTS = [
  "candidates",
  "pending",
  "calling",
  "confirmed",
  "rescheduled",
  "declined",
  "noAnswer",
  "attended",
  "noShow",
] as const;
export type SlotCounts = Record<(typeof SLOTS)[number], number>;
type HourCounts = { finished: number; answered: number };

const FUNNEL_SUMS =
  "sum(called), sum(reached), sum(attempts_to_reach), sum(confirmed), sum(declined), sum(attended), sum(no_show), sum(cost)";
const SLOT_SUMS =
  "sum(candidates), sum(pending), sum(calling), sum(confirmed), sum(rescheduled), sum(declined), sum(no_answer), sum(attended), sum(no_show)";
// A time, position or slot that everyone has left keeps a row of zeros in the rollups: it is not there.
const CALLED = "HAVING sum(called) != 0";
// `@position` null: every position.
const OF_POSITION = "(@position IS NULL OR position = @position)";

/** The cohort and the calls, by a time key (`quarter_hour`, or the team's `day`), over `key >= @from AND key < @to`. */
function rollupStatements(db: Db, tables: { funnel: string; hours: string; key: string }) {
  const sqlite = db.$client;
  const range = `${tables.key} >= @from AND ${tables.key} < @to`;
  return {
    cohortByTime: sqlite
      .prepare(
        `SELECT ${tables.key}, ${FUNNEL_SUMS} FROM ${tables.funnel} WHERE ${range} AND ${OF_POSITION} GROUP BY 1 ${CALLED}`,
      )
      .raw(),
    cohortByPosition: sqlite
      .prepare(`SELECT position, ${FUNNEL_SUMS} FROM ${tables.funnel} WHERE ${range} GROUP BY 1 ${CALLED}`)
      .raw(),
    callsByHour: sqlite
      .prepare(
        `SELECT local_hour, sum(finished), sum(answered) FROM ${tables.hours} WHERE ${range} AND ${OF_POSITION} GROUP BY 1`,
      )
      .raw(),
  };
}

// Plain statements returning arrays: at thousands of positions, mapping rows into objects cost more than the
// query. Each groups one slice of the period by what the figures need.
const statements = preparedFor((db) => ({
  quarters: rollupStatements(db, { funnel: "analytics_funnel", hours: "analytics_call_hours", key: "quarter_hour" }),
  days: rollupStatements(db, { funnel: "analytics_funnel_days", hours: "analytics_call_hours_days", key: "day" }),
  interviewsByInstant: db.$client
    .prepare(
      `SELECT interview_at, ${SLOT_SUMS} FROM analytics_slots WHERE interview_at >= @from AND interview_at < @to AND ${OF_POSITION} GROUP BY 1 HAVING sum(candidates) != 0`,
    )
    .raw(),
}));

/** `[key, ...sums]` rows as `[key, {name: sum}]`. */
function named<K, N extends readonly string[]>(row: unknown[], names: N): [K, Record<N[number], number>] {
  const counts = {} as Record<N[number], number>;
  names.forEach((name: N[number], i) => (counts[name] = Number(row[i + 1] ?? 0)));
  return [row[0] as K, counts];
}

/** Adds `row` into the map's entry for `key`. */
export function addTo<T extends Record<string, number>>(map: Map<string | number, T>, key: string | number, row: T): void {
  const sum = map.get(key) as Record<string, number> | undefined;
  if (!sum) map.set(key, { ...row });
  else for (const [name, value] of Object.entries(row)) sum[name] = (sum[name] ?? 0) + value;
}

/** The rollups of a period added up by what the figures need: the team's day, position, hour, slot instant. */
export type PeriodSums = {
  /** The cohort (first called then), by the team's day of the first call. */
  cohortByDay: Map<string, FunnelCounts>;
  /** The cohort by position, all positions (for the filter's list as well as the table). */
  cohortByPosition: Map<string, FunnelCounts>;
  /** Calls placed in the period, by hour in the candidate's zone (-1: not known). */
  callsByHour: Map<number, HourCounts>;
  /** Candidates whose interview falls in the period, by interview instant. */
  interviewsByInstant: Map<number, SlotCounts>;
};

// A slice of the period per query: one read of the rollups costs at most a month of rows on the event loop,
// however long the period (up to three years).
const SLICE_DAYS = 31;

/** Days `first` to `last` (exclusive) of the period, from the day rollups when they hold the team's days. */
function readSlice(
  db: Db,
  days: TeamDays,
  first: number,
  last: number,
  position: string | null,
  useDays: boolean,
  into: PeriodSums,
) {
  const query = statements(db);
  const source = useDays ? query.days : query.quarters;
  const start = days.starts[first]!;
  const end = days.starts[last]!;
  const range = useDays
    ? { from: days.days[first]!, to: addDays(days.days[last - 1]!, 1), position }
    : { from: quarterOf(start), to: quarterOf(end), position };
  const dayOfKey = (key: string | number) => (useDays ? (key as string) : days.dayOf((key as number) * QUARTER_HOUR_MS)!);
  for (const row of source.cohortByTime.all(range) as unknown[][]) {
    const [key, counts] = named<string | number, typeof FUNNEL>(row, FUNNEL);
    addTo(into.cohortByDay, dayOfKey(key), counts);
  }
  for (const row of source.cohortByPosition.all({ from: range.from, to: range.to }) as unknown[][]) {
    const [name, counts] = named<string, typeof FUNNEL>(row, FUNNEL);
    addTo(into.cohortByPosition, name, counts);
  }
  for (const row of source.callsByHour.all(range) as unknown[][]) {
    const [hour, counts] = named<number, readonly ["finished", "answered"]>(row, ["finished", "answered"] as const);
    addTo(into.callsByHour, hour, counts);
  }
  for (const row of query.interviewsByInstant.all({ from: start, to: end, position }) as unknown[][]) {
    const [at, counts] = named<number, typeof SLOTS>(row, SLOTS);
    addTo(into.interviewsByInstant, at, counts);
  }
}

/**
 * Reads the rollups of the period (and position) in the team's `zone`, a slice at a time, letting the event loop
 * serve others between slices: a three-year CSV at a million candidates never holds the server. The day rollups
 * answer when they hold `zone`'s days; the quarter hours, the truth they are counted from, otherwise.
 */
export async function readPeriodSums(
  db: Db,
  days: TeamDays,
  position: string | undefined,
  zone: string,
  useDays = dayCacheReady(db, zone),
): Promise<PeriodSums> {
  const sums: PeriodSums = {
    cohortByDay: new Map(),
    cohortByPosition: new Map(),
    callsByHour: new Map(),
    interviewsByInstant: new Map(),
  };
  for (let first = 0; first < days.days.length; first += SLICE_DAYS) {
    if (first > 0) await new Promise((resolve) => setImmediate(resolve));
    readSlice(db, days, first, Math.min(first + SLICE_DAYS, days.days.length), position ?? null, useDays, sums);
  }
  return sums;
}
