import { DateTime } from "luxon";

/**
 * The team's days (INTERVIEW_TIMEZONE): the analytics read their rollups, which are keyed by instants, through
 * these. A day is a calendar date (`YYYY-MM-DD`); its start is the instant it begins in the zone.
 */

const DAY_MS = 86_400_000;
/** The rollups' time key: an instant divided by 15 minutes (db/schema.ts). */
export const QUARTER_HOUR_MS = 900_000;

/** Today's date in the zone: a recruiter in Kolkata at 02:00 on Monday is on Monday, whatever UTC says. */
export function todayIn(zone: string, now: Date): string {
  return dateIn(now.getTime(), zone);
}

/** The date an instant falls on in the zone. */
export function dateIn(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toISODate()!;
}

/** Calendar arithmetic on a date: no zone, no daylight saving. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both inclusive (calendar days, whatever their length in the zone). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The Monday of a day's ISO week: the bucket a day falls in for weekly charts. */
export function weekOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The instant the day begins in the zone (the first instant that exists, where midnight is skipped). */
export function dayStart(day: string, zone: string): number {
  return DateTime.fromISO(day, { zone }).startOf("day").toMillis();
}

/** The first quarter hour at or after an instant: [start, end) of instants is [quarterOf(start), quarterOf(end)). */
export const quarterOf = (instant: number) => Math.ceil(instant / QUARTER_HOUR_MS);

/**
 * The days of a period in the zone, and which day an instant falls on. `starts[i]` is when `days[i]` begins;
 * `starts[days.length]` is when the period ends.
 */
export class TeamDays {
  readonly days: string[];
  readonly starts: number[];

  constructor(from: string, to: string, zone: string) {
    const count = daysBetween(from, to);
    this.days = Array.from({ length: count }, (_, i) => addDays(from, i));
    this.starts = [...this.days, addDays(to, 1)].map((day) => dayStart(day, zone));
  }

  get start(): number {
    return this.starts[0]!;
  }

  get end(): number {
    return this.starts.at(-1)!;
  }

  /** The day an instant falls on, or undefined outside the period. */
  dayOf(instant: number): string | undefined {
    if (instant < this.start || instant >= this.end) return undefined;
    let low = 0;
    let high = this.days.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= instant) low = middle;
      else high = middle - 1;
    }
    return this.days[low];
  }
}
