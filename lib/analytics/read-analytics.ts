import type { Db } from "@/db/client";
import { zoneLabel } from "@/lib/time/format";
import type { AnalyticsQuery } from "./analytics-query";
import { analyticsBacklog } from "./fold-analytics";
import { addTo, readPeriodSums, type FunnelCounts, type SlotCounts } from "./read-rollups";
import { TeamDays, weekOf } from "./team-days";

/**
 * The analytics, read from the rollups (db/schema.ts), so that a 90-day period at a million candidates costs a
 * few thousand rows. Three lenses, each named in the figures it feeds:
 * - the funnel, attempts, cost and confirmation rate count the candidates FIRST CALLED in the period (a cohort),
 *   whatever happened to them since: confirmed = ever confirmed or rescheduled (audit trail), attended = marked;
 * - `interviews`, outcomes by slot and the no-show rate count the candidates whose INTERVIEW falls in the
 *   period, by their status now: the board's figures for the same interview dates;
 * - the answer rate by hour counts the CALLS placed in the period, by the hour in the candidate's zone.
 * Days are the team's (`zone`: INTERVIEW_TIMEZONE); rates are null when there is nothing to divide by.
 */

const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const money = (value: number) => Math.round(value * 100) / 100;

const NO_FUNNEL: FunnelCounts = {
  called: 0,
  reached: 0,
  attemptsToReach: 0,
  confirmed: 0,
  declined: 0,
  attended: 0,
  noShow: 0,
  cost: 0,
};
const NO_SLOTS: SlotCounts = {
  candidates: 0,
  pending: 0,
  calling: 0,
  confirmed: 0,
  rescheduled: 0,
  declined: 0,
  noAnswer: 0,
  attended: 0,
  noShow: 0,
};

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

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeOfDay(at: number, zone: string): string {
  let format = timeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
    timeFormats.set(zone, format);
  }
  return format.format(at);
}

// One collator for every sort: localeCompare builds one per call, which at thousands of positions cost more
// than reading them.
const byName = new Intl.Collator("en").compare;

function sum<T extends Record<string, number>>(rows: Iterable<T>, zero: T): T {
  const total: Record<string, number> = { ...zero };
  for (const row of rows) for (const [name, value] of Object.entries(row)) total[name] = (total[name] ?? 0) + value;
  return total as T;
}

/** Every figure of the analytics page and API for one period (and position), in the team's `zone`. */
export async function readAnalytics(db: Db, query: AnalyticsQuery, zone: string, now = new Date()) {
  const days = new TeamDays(query.from, query.to, zone);
  const sums = await readPeriodSums(db, days, query.position, zone);
  const bucketOf = (day: string) => (query.bucket === "week" ? weekOf(day) : day);

  const cohortByBucket = new Map<string, FunnelCounts>();
  for (const [day, counts] of sums.cohortByDay) addTo(cohortByBucket, bucketOf(day), counts);
  const interviewsByBucket = new Map<string, SlotCounts>();
  const bySlotTime = new Map<string, SlotCounts>();
  for (const [at, counts] of sums.interviewsByInstant) {
    addTo(interviewsByBucket, bucketOf(days.dayOf(at)!), counts);
    addTo(bySlotTime, timeOfDay(at, zone), counts);
  }
  const funnel = sum(sums.cohortByDay.values(), NO_FUNNEL);
  const interviews = sum(sums.interviewsByInstant.values(), NO_SLOTS);
  const positions = [...sums.cohortByPosition.keys()].sort(byName);
  const label = zoneLabel(now, zone);

  return {
    period: { from: query.from, to: query.to, position: query.position ?? null, bucket: query.bucket, days: zone },
    /** The zone's short name now ("IST"), for headings. */
    zoneLabel: label,
    /** Candidates whose latest changes the fold has not counted yet (it runs every second). */
    recounting: analyticsBacklog(db),
    funnel: cohortFigures(funnel),
    attemptsPerReached: funnel.reached > 0 ? Math.round((funnel.attemptsToReach / funnel.reached) * 100) / 100 : null,
    cost: {
      total: money(funnel.cost),
      perConfirmed: funnel.confirmed > 0 ? money(funnel.cost / funnel.confirmed) : null,
      perAttended: funnel.attended > 0 ? money(funnel.cost / funnel.attended) : null,
      unit: "Bolna credits" as const,
    },
    interviews: {
      candidates: interviews.candidates,
      pending: interviews.pending,
      calling: interviews.calling,
      confirmed: interviews.confirmed,
      rescheduled: interviews.rescheduled,
      declined: interviews.declined,
      noAnswer: interviews.noAnswer,
      attended: interviews.attended,
      noShow: interviews.noShow,
      noShowRate: rate(interviews.noShow, interviews.attended + interviews.noShow),
    },
    overTime: [...new Set(days.days.map(bucketOf))].map((bucket) => {
      const called = cohortByBucket.get(bucket) ?? NO_FUNNEL;
      const held = interviewsByBucket.get(bucket) ?? NO_SLOTS;
      return {
        bucket,
        reached: called.reached,
        confirmed: called.confirmed,
        confirmationRate: rate(called.confirmed, called.reached),
        attended: held.attended,
        noShow: held.noShow,
        noShowRate: rate(held.noShow, held.attended + held.noShow),
      };
    }),
    byPosition: positions
      .filter((position) => query.position === undefined || position === query.position)
      .map((position) => ({ position, ...cohortFigures(sums.cohortByPosition.get(position)!) })),
    bySlot: [...bySlotTime.entries()]
      .sort(([a], [b]) => byName(a, b))
      .map(([time, counts]) => ({ time, zone, ...slotFigures(counts) })),
    answerRateByHour: Array.from({ length: 24 }, (_, hour) => {
      const row = sums.callsByHour.get(hour);
      return {
        hour,
        finished: row?.finished ?? 0,
        answered: row?.answered ?? 0,
        rate: rate(row?.answered ?? 0, row?.finished ?? 0),
      };
    }),
    /** Calls written without a local hour (before it was kept): counted apart, not guessed. */
    unknownHour: sums.callsByHour.get(-1) ?? { finished: 0, answered: 0 },
    positions: positions.filter((position) => position !== ""),
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof readAnalytics>>;
