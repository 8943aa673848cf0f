import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { QUARTER_HOUR_MS, quarterOf, type TeamDays } from "./team-days";

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
export type HourCounts = { finished: number; answered: number };

const FUNNEL_SUMS =
  "sum(called), sum(reached), sum(attempts_to_reach), sum(confirmed), sum(declined), sum(attended), sum(no_show), sum(cost)";
const SLOT_SUMS =
  "sum(candidates), sum(pending), sum(calling), sum(confirmed), sum(rescheduled), sum(declined), sum(no_answer), sum(attended), sum(no_show)";
// `@position` null: every position.
const OF_POSITION = "(@position IS NULL OR position = @position)";

// Plain statements returning arrays: at thousands of positions, mapping rows into objects cost more than the
// query. Each groups one slice of the period by what the figures need.
const statements = preparedFor((db) => {
  const sqlite = db.$client;
  const quarters = "quarter_hour >= @from AND quarter_hour < @to";
  return {
    cohortByQuarter: sqlite
      .prepare(`SELECT quarter_hour, ${FUNNEL_SUMS} FROM analytics_funnel WHERE ${quarters} AND ${OF_POSITION} GROUP BY 1`)
      .raw(),
    cohortByPosition: sqlite.prepare(`SELECT position, ${FUNNEL_SUMS} FROM analytics_funnel WHERE ${quarters} GROUP BY 1`).raw(),
    callsByHour: sqlite
      .prepare(
        `SELECT local_hour, sum(finished), sum(answered) FROM analytics_call_hours WHERE ${quarters} AND ${OF_POSITION} GROUP BY 1`,
      )
      .raw(),
    interviewsByInstant: sqlite
      .prepare(
        `SELECT interview_at, ${SLOT_SUMS} FROM analytics_slots WHERE interview_at >= @from AND interview_at < @to AND ${OF_POSITION} GROUP BY 1`,
      )
      .raw(),
  };
});

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

function readSlice(db: Db, start: number, end: number, position: string | undefined, into: PeriodSums, days: TeamDays) {
  const query = statements(db);
  const quarters = { from: quarterOf(start), to: quarterOf(end), position: position ?? null };
  for (const row of query.cohortByQuarter.all(quarters) as unknown[][]) {
    const [quarter, counts] = named<number, typeof FUNNEL>(row, FUNNEL);
    addTo(into.cohortByDay, days.dayOf(quarter * QUARTER_HOUR_MS)!, counts);
  }
  for (const row of query.cohortByPosition.all({ from: quarters.from, to: quarters.to }) as unknown[][]) {
    const [name, counts] = named<string, typeof FUNNEL>(row, FUNNEL);
    addTo(into.cohortByPosition, name, counts);
  }
  for (const row of query.callsByHour.all(quarters) as unknown[][]) {
    const [hour, counts] = named<number, readonly ["finished", "answered"]>(row, ["finished", "answered"] as const);
    addTo(into.callsByHour, hour, counts);
  }
  for (const row of query.interviewsByInstant.all({ from: start, to: end, position: position ?? null }) as unknown[][]) {
    const [at, counts] = named<number, typeof SLOTS>(row, SLOTS);
    addTo(into.interviewsByInstant, at, counts);
  }
}

/**
 * Reads the rollups of the period (and position) a slice at a time, letting the event loop serve others between
 * slices: a three-year CSV at a million candidates never holds the server.
 */
export async function readPeriodSums(db: Db, days: TeamDays, position: string | undefined): Promise<PeriodSums> {
  const sums: PeriodSums = {
    cohortByDay: new Map(),
    cohortByPosition: new Map(),
    callsByHour: new Map(),
    interviewsByInstant: new Map(),
  };
  for (let first = 0; first < days.days.length; first += SLICE_DAYS) {
    if (first > 0) await new Promise((resolve) => setImmediate(resolve));
    const last = Math.min(first + SLICE_DAYS, days.days.length);
    readSlice(db, days.starts[first]!, days.starts[last]!, position, sums, days);
  }
  return sums;
}
