import { and, eq, gte, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { analyticsCallHours, analyticsFunnel, analyticsSlots } from "@/db/schema";
import { QUARTER_HOUR_MS, quarterOf, type TeamDays } from "./team-days";

const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

const funnelColumns = {
  called: total(analyticsFunnel.called),
  reached: total(analyticsFunnel.reached),
  attemptsToReach: total(analyticsFunnel.attemptsToReach),
  confirmed: total(analyticsFunnel.confirmed),
  declined: total(analyticsFunnel.declined),
  attended: total(analyticsFunnel.attended),
  noShow: total(analyticsFunnel.noShow),
  cost: total(analyticsFunnel.cost),
};
export type FunnelCounts = { [K in keyof typeof funnelColumns]: number };

const slotColumns = {
  candidates: total(analyticsSlots.candidates),
  pending: total(analyticsSlots.pending),
  calling: total(analyticsSlots.calling),
  confirmed: total(analyticsSlots.confirmed),
  rescheduled: total(analyticsSlots.rescheduled),
  declined: total(analyticsSlots.declined),
  noAnswer: total(analyticsSlots.noAnswer),
  attended: total(analyticsSlots.attended),
  noShow: total(analyticsSlots.noShow),
};
export type SlotCounts = { [K in keyof typeof slotColumns]: number };
export type HourCounts = { finished: number; answered: number };

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
  const of = (column: AnyColumn): SQL | undefined => (position === undefined ? undefined : eq(column, position));
  const cohort = and(gte(analyticsFunnel.quarterHour, quarterOf(start)), lt(analyticsFunnel.quarterHour, quarterOf(end)));
  for (const row of db
    .select({ quarter: analyticsFunnel.quarterHour, ...funnelColumns })
    .from(analyticsFunnel)
    .where(and(cohort, of(analyticsFunnel.position)))
    .groupBy(analyticsFunnel.quarterHour)
    .all()) {
    const { quarter, ...counts } = row;
    addTo(into.cohortByDay, days.dayOf(quarter * QUARTER_HOUR_MS)!, counts);
  }
  for (const { position: name, ...counts } of db
    .select({ position: analyticsFunnel.position, ...funnelColumns })
    .from(analyticsFunnel)
    .where(cohort)
    .groupBy(analyticsFunnel.position)
    .all()) {
    addTo(into.cohortByPosition, name, counts);
  }
  for (const { hour, ...counts } of db
    .select({
      hour: analyticsCallHours.localHour,
      finished: total(analyticsCallHours.finished),
      answered: total(analyticsCallHours.answered),
    })
    .from(analyticsCallHours)
    .where(
      and(
        gte(analyticsCallHours.quarterHour, quarterOf(start)),
        lt(analyticsCallHours.quarterHour, quarterOf(end)),
        of(analyticsCallHours.position),
      ),
    )
    .groupBy(analyticsCallHours.localHour)
    .all()) {
    addTo(into.callsByHour, hour, counts);
  }
  for (const { at, ...counts } of db
    .select({ at: sql<number>`${analyticsSlots.interviewAt}`.mapWith(Number), ...slotColumns })
    .from(analyticsSlots)
    .where(
      and(
        gte(analyticsSlots.interviewAt, new Date(start)),
        lt(analyticsSlots.interviewAt, new Date(end)),
        of(analyticsSlots.position),
      ),
    )
    .groupBy(analyticsSlots.interviewAt)
    .all()) {
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
