import { and, asc, between, eq, gte, lt, ne, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { analyticsCallsHourly, analyticsFunnelDaily, analyticsSlots } from "@/db/schema";
import { periodBounds, weekOf, type AnalyticsQuery } from "./analytics-query";

/**
 * The analytics (issue #15), read from the rollups the triggers keep, so that a 90-day period at a million
 * candidates costs a few thousand rows. Three lenses, each named in the figures it feeds:
 * - the funnel, attempts, cost and confirmation rate count the candidates FIRST CALLED in the period (a cohort),
 *   whatever happened to them since: confirmed = ever confirmed or rescheduled (audit trail), attended = marked;
 * - outcomes by slot and the no-show rate count the candidates whose INTERVIEW falls in the period;
 * - the answer rate by hour counts the CALLS placed in the period, by the hour in the candidate's zone.
 * Days are UTC days; rates are null when there is nothing to divide by.
 */

const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const money = (value: number) => Math.round(value * 100) / 100;

const funnelColumns = {
  called: total(analyticsFunnelDaily.called),
  reached: total(analyticsFunnelDaily.reached),
  attemptsToReach: total(analyticsFunnelDaily.attemptsToReach),
  confirmed: total(analyticsFunnelDaily.confirmed),
  declined: total(analyticsFunnelDaily.declined),
  attended: total(analyticsFunnelDaily.attended),
  noShow: total(analyticsFunnelDaily.noShow),
  cost: total(analyticsFunnelDaily.cost),
};
type FunnelCounts = { [K in keyof typeof funnelColumns]: number };

const slotColumns = {
  candidates: total(analyticsSlots.candidates),
  confirmed: total(analyticsSlots.confirmed),
  rescheduled: total(analyticsSlots.rescheduled),
  declined: total(analyticsSlots.declined),
  noAnswer: total(analyticsSlots.noAnswer),
  pending: total(analyticsSlots.pending),
  calling: total(analyticsSlots.calling),
  attended: total(analyticsSlots.attended),
  noShow: total(analyticsSlots.noShow),
};
type SlotCounts = { [K in keyof typeof slotColumns]: number };

function cohortFigures(counts: FunnelCounts) {
  return {
    called: counts.called,
    reached: counts.reached,
    confirmed: counts.confirmed,
    declined: counts.declined,
    attended: counts.attended,
    noShow: counts.noShow,
    reachRate: rate(counts.reached, counts.called),
    confirmationRate: rate(counts.confirmed, counts.reached),
    attendanceRate: rate(counts.attended, counts.confirmed),
    noShowRate: rate(counts.noShow, counts.attended + counts.noShow),
  };
}

function slotFigures(counts: SlotCounts) {
  return {
    candidates: counts.candidates,
    // Confirmed or rescheduled into this slot: they said they would come.
    confirmed: counts.confirmed + counts.rescheduled,
    declined: counts.declined,
    noAnswer: counts.noAnswer,
    unresolved: counts.pending + counts.calling,
    attended: counts.attended,
    noShow: counts.noShow,
    noShowRate: rate(counts.noShow, counts.attended + counts.noShow),
  };
}

function eachBucket(query: AnalyticsQuery): string[] {
  const buckets: string[] = [];
  for (let at = Date.parse(`${query.from}T00:00:00Z`); at <= Date.parse(`${query.to}T00:00:00Z`); at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    const bucket = query.bucket === "week" ? weekOf(day) : day;
    if (buckets.at(-1) !== bucket) buckets.push(bucket);
  }
  return buckets;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeOfDay(at: Date, zone: string): string {
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
    timeFormats.set(zone, format);
  }
  return format.format(at);
}

function add<T extends Record<string, number>>(into: T | undefined, row: T): T {
  if (!into) return { ...row };
  const sum: Record<string, number> = into;
  for (const [key, value] of Object.entries(row)) sum[key] = (sum[key] ?? 0) + value;
  return into;
}

/** Every figure of the analytics page and API for one period (and position). `zone`: INTERVIEW_TIMEZONE, for slot times. */
export function readAnalytics(db: Db, query: AnalyticsQuery, zone: string) {
  const byPosition = (column: AnyColumn): SQL | undefined =>
    query.position === undefined ? undefined : eq(column, query.position);
  const cohort = and(between(analyticsFunnelDaily.day, query.from, query.to), byPosition(analyticsFunnelDaily.position));
  const { start, end } = periodBounds(query);
  const interviews = and(
    gte(analyticsSlots.interviewAt, start),
    lt(analyticsSlots.interviewAt, end),
    byPosition(analyticsSlots.position),
  );

  const funnel = db.select(funnelColumns).from(analyticsFunnelDaily).where(cohort).get()!;
  const cohortDays = db
    .select({ day: analyticsFunnelDaily.day, ...funnelColumns })
    .from(analyticsFunnelDaily)
    .where(cohort)
    .groupBy(analyticsFunnelDaily.day)
    .all();
  const positions = db
    .select({ position: analyticsFunnelDaily.position, ...funnelColumns })
    .from(analyticsFunnelDaily)
    .where(cohort)
    .groupBy(analyticsFunnelDaily.position)
    .orderBy(asc(analyticsFunnelDaily.position))
    .all();
  const slots = db
    .select({ interviewAt: analyticsSlots.interviewAt, ...slotColumns })
    .from(analyticsSlots)
    .where(interviews)
    .groupBy(analyticsSlots.interviewAt)
    .all();
  const hours = db
    .select({
      hour: analyticsCallsHourly.localHour,
      finished: total(analyticsCallsHourly.finished),
      answered: total(analyticsCallsHourly.answered),
    })
    .from(analyticsCallsHourly)
    .where(and(between(analyticsCallsHourly.day, query.from, query.to), byPosition(analyticsCallsHourly.position)))
    .groupBy(analyticsCallsHourly.localHour)
    .all();
  const knownPositions = db
    .selectDistinct({ position: analyticsFunnelDaily.position })
    .from(analyticsFunnelDaily)
    .where(ne(analyticsFunnelDaily.position, ""))
    .orderBy(asc(analyticsFunnelDaily.position))
    .all();

  const bucketOf = (day: string) => (query.bucket === "week" ? weekOf(day) : day);
  const cohortByBucket = new Map<string, FunnelCounts>();
  for (const { day, ...counts } of cohortDays) cohortByBucket.set(bucketOf(day), add(cohortByBucket.get(bucketOf(day)), counts));
  const interviewsByBucket = new Map<string, SlotCounts>();
  const bySlotTime = new Map<string, SlotCounts>();
  for (const { interviewAt, ...counts } of slots) {
    const bucket = bucketOf(interviewAt.toISOString().slice(0, 10));
    interviewsByBucket.set(bucket, add(interviewsByBucket.get(bucket), counts));
    const time = timeOfDay(interviewAt, zone);
    bySlotTime.set(time, add(bySlotTime.get(time), counts));
  }
  const hourly = new Map(hours.map((row) => [row.hour, row]));

  return {
    period: { from: query.from, to: query.to, position: query.position ?? null, bucket: query.bucket, days: "UTC" as const },
    funnel: cohortFigures(funnel),
    attemptsPerReached: funnel.reached > 0 ? Math.round((funnel.attemptsToReach / funnel.reached) * 100) / 100 : null,
    cost: {
      total: money(funnel.cost),
      perConfirmed: funnel.confirmed > 0 ? money(funnel.cost / funnel.confirmed) : null,
      perAttended: funnel.attended > 0 ? money(funnel.cost / funnel.attended) : null,
      unit: "Bolna credits" as const,
    },
    overTime: eachBucket(query).map((bucket) => {
      const called = cohortByBucket.get(bucket);
      const held = interviewsByBucket.get(bucket);
      return {
        bucket,
        reached: called?.reached ?? 0,
        confirmed: called?.confirmed ?? 0,
        confirmationRate: rate(called?.confirmed ?? 0, called?.reached ?? 0),
        attended: held?.attended ?? 0,
        noShow: held?.noShow ?? 0,
        noShowRate: rate(held?.noShow ?? 0, (held?.attended ?? 0) + (held?.noShow ?? 0)),
      };
    }),
    byPosition: positions.map(({ position, ...counts }) => ({ position, ...cohortFigures(counts) })),
    bySlot: [...bySlotTime.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([time, counts]) => ({ time, zone, ...slotFigures(counts) })),
    answerRateByHour: Array.from({ length: 24 }, (_, hour) => {
      const row = hourly.get(hour);
      return {
        hour,
        finished: row?.finished ?? 0,
        answered: row?.answered ?? 0,
        rate: rate(row?.answered ?? 0, row?.finished ?? 0),
      };
    }),
    /** Calls written without a local hour (before it was kept): counted apart, not guessed. */
    unknownHour: { finished: hourly.get(-1)?.finished ?? 0, answered: hourly.get(-1)?.answered ?? 0 },
    positions: knownPositions.map((row) => row.position),
  };
}

export type AnalyticsReport = ReturnType<typeof readAnalytics>;
