import { DateTime } from "luxon";

/**
 * When candidates may be phoned, judged in each candidate's own time zone: from `startMinute` to `endMinute`
 * after local midnight (end exclusive; 24:00 allowed) on `days` (luxon weekdays, 1 = Monday … 7 = Sunday).
 */
export type CallingHours = { startMinute: number; endMinute: number; days: ReadonlySet<number> };

export const ANY_TIME: CallingHours = { startMinute: 0, endMinute: 24 * 60, days: new Set([1, 2, 3, 4, 5, 6, 7]) };

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** Bolna needs scheduled_at at least this far ahead. */
const MIN_SCHEDULE_AHEAD_MS = 2 * 60_000;
/** Bolna starts a scheduled call at the next 10 minutes: Callboard rounds up itself, so what it shows happens. */
const SCHEDULE_STEP_MS = 10 * 60_000;
// Far enough to cross any run of disallowed days in a week.
const SEARCH_DAYS = 8;

function minuteOfDay(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (minute > 59 || hour > 24 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

/** "09:00-20:00" → minutes after midnight; null when unreadable or empty (the end must come after the start). */
export function parseHours(text: string): { startMinute: number; endMinute: number } | null {
  const [start, end, extra] = text.split("-");
  if (start === undefined || end === undefined || extra !== undefined) return null;
  const startMinute = minuteOfDay(start);
  const endMinute = minuteOfDay(end);
  if (startMinute === null || endMinute === null || endMinute <= startMinute) return null;
  return { startMinute, endMinute };
}

function dayNumber(name: string): number | null {
  const index = DAY_NAMES.indexOf(name.trim().toLowerCase().slice(0, 3) as (typeof DAY_NAMES)[number]);
  return index === -1 || name.trim().length < 3 ? null : index + 1;
}

/** "Mon-Sat", "Mon-Fri,Sun", "Sat-Mon" (wrapping) → weekdays; null when a part is unreadable. */
export function parseDays(text: string): Set<number> | null {
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to, extra] = part.split("-");
    if (from === undefined || extra !== undefined) return null;
    const first = dayNumber(from);
    const last = to === undefined ? first : dayNumber(to);
    if (first === null || last === null) return null;
    for (let day = first; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === last) break;
    }
  }
  return days.size > 0 ? days : null;
}

type Window = { start: DateTime; end: DateTime };

/** The calling window on the local day `day` (a start of day in the zone), or null when that day is not allowed. */
function windowOn(day: DateTime, hours: CallingHours): Window | null {
  if (!hours.days.has(day.weekday)) return null;
  // Calendar math (set), not a duration: on a daylight-saving day 09:00 is not 540 minutes after midnight.
  const at = (minute: number) =>
    minute === 24 * 60 ? day.plus({ days: 1 }).startOf("day") : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
  return { start: at(hours.startMinute), end: at(hours.endMinute) };
}

export function isWithinCallingHours(at: Date, zone: string, hours: CallingHours): boolean {
  if (isAnyTime(hours)) return true;
  const local = DateTime.fromJSDate(at, { zone });
  const window = windowOn(local.startOf("day"), hours);
  return window !== null && local >= window.start && local < window.end;
}

const roundUp = (ms: number) => Math.ceil(ms / SCHEDULE_STEP_MS) * SCHEDULE_STEP_MS;
const roundDown = (ms: number) => Math.floor(ms / SCHEDULE_STEP_MS) * SCHEDULE_STEP_MS;

// Zone arithmetic costs tens of microseconds a call: skipped when every minute of every day is allowed.
const isAnyTime = (hours: CallingHours) => hours.startMinute === 0 && hours.endMinute === 24 * 60 && hours.days.size === 7;

/** The earliest instant at or after `after`, on Bolna's 10-minute grid, inside the calling hours. */
export function nextCallingTime(after: Date, zone: string, hours: CallingHours): Date {
  if (isAnyTime(hours)) return new Date(roundUp(after.getTime()));
  const today = DateTime.fromJSDate(after, { zone }).startOf("day");
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const window = windowOn(today.plus({ days: offset }), hours);
    if (!window) continue;
    const at = roundUp(Math.max(after.getTime(), window.start.toMillis()));
    if (at < window.end.toMillis()) return new Date(at);
  }
  throw new RangeError("the calling hours allow no time in a week");
}

/** The latest instant at or before `before`, on the 10-minute grid, inside the calling hours. */
export function latestCallingTimeBefore(before: Date, zone: string, hours: CallingHours): Date {
  if (isAnyTime(hours)) return new Date(roundDown(before.getTime()));
  const today = DateTime.fromJSDate(before, { zone }).startOf("day");
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const window = windowOn(today.minus({ days: offset }), hours);
    if (!window) continue;
    const at = roundDown(Math.min(before.getTime(), window.end.toMillis() - 1));
    if (at >= window.start.toMillis()) return new Date(at);
  }
  throw new RangeError("the calling hours allow no time in a week");
}

/**
 * When a call asked for at `now` should ring: null to ring now (inside the calling hours), else the scheduled_at
 * to ask Bolna for — the next allowed time at least two minutes ahead, on Bolna's 10-minute grid.
 */
export function scheduleFor(now: Date, zone: string, hours: CallingHours): Date | null {
  if (isWithinCallingHours(now, zone, hours)) return null;
  return nextCallingTime(new Date(now.getTime() + MIN_SCHEDULE_AHEAD_MS), zone, hours);
}

/** scheduled_at as Bolna wants it: ISO 8601 in the candidate's zone with a numeric offset, never `Z`. */
export function formatWithOffset(at: Date, zone: string): string {
  if (Number.isNaN(at.getTime())) throw new RangeError("scheduledAt is not a valid date");
  const iso = DateTime.fromJSDate(at, { zone }).startOf("second").toISO({ suppressMilliseconds: true, includeOffset: true });
  if (!iso) throw new RangeError(`cannot write ${at.toISOString()} in ${zone}`);
  return iso.replace(/Z$/, "+00:00");
}

/** "09:00–20:00, Mon–Sat" for messages. */
export function describeHours(hours: CallingHours): string {
  const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  const names = [...hours.days].sort().map((day) => DAY_NAMES[day - 1]!.replace(/^./, (c) => c.toUpperCase()));
  return `${clock(hours.startMinute)}–${clock(hours.endMinute)}, ${names.length === 7 ? "every day" : names.join(" ")}`;
}
