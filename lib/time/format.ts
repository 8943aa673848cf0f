// The one formatter of times for the whole app: server pages, client components, messages and exports that
// people read. Client components import it, so it stays plain Intl (no luxon, no server code).
//
// Only numbers come from Intl; names of days and months are ours, so Node and the browser write the same text
// (ICU versions differ: en-GB says "Sept" in one and "Sep" in another) and hydration never sees two strings.

export type Precision = "date" | "minute" | "second" | "long";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const LONG_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

// Building an Intl.DateTimeFormat costs far more than using one, and a board page formats dozens of times.
const numericFormats = new Map<string, Intl.DateTimeFormat>();

function numericFormat(zone: string): Intl.DateTimeFormat {
  let format = numericFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    numericFormats.set(zone, format);
  }
  return format;
}

/** Milliseconds the zone's clock is ahead of UTC at a whole second, as Intl reads it. */
function intlOffsetMs(second: number, zone: string): number {
  const f: Fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of numericFormat(zone).formatToParts(second)) {
    if (part.type in f) f[part.type as keyof Fields] = Number(part.value);
  }
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - second;
}

// A zone's offset holds for months at a time, and Intl's formatToParts was most of what a board page spent on its
// times (and an export of a million rows): the offset is read once per zone and hour of UTC, at both ends of the
// hour, and every instant inside an hour whose two ends agree gets it by arithmetic (an hour in which the offset
// changes asks Intl for each instant).
const HOUR_MS = 3_600_000;
const offsets = new Map<string, number | null>();

function offsetMs(at: number, zone: string): number {
  const hour = Math.floor(at / HOUR_MS);
  const key = `${zone} ${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const first = intlOffsetMs(start, zone);
    offset = first === intlOffsetMs(start + HOUR_MS - 1000, zone) ? first : null;
    if (offsets.size >= 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset ?? intlOffsetMs(Math.floor(at / 1000) * 1000, zone);
}

/** The wall-clock fields of an instant in a zone. */
export function wallClock(value: Date, zone: string): Fields {
  const at = value.getTime();
  const wall = new Date(Math.floor(at / 1000) * 1000 + offsetMs(at, zone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** Minutes the zone is ahead of UTC at that instant (330 for India). */
export function offsetMinutes(value: Date, zone: string): number {
  return Math.round(offsetMs(value.getTime(), zone) / 60_000);
}

// English locales whose short zone names people use ("IST", "CET", "AEDT", "SGT"); the first that has a name
// for the zone wins, else the offset ("GMT+9"), which is still unambiguous.
const NAME_LOCALES = ["en-US", "en-GB", "en-IN", "en-AU", "en-SG", "en-ZA", "en-CA", "en-NZ"];
const OFFSET_NAME = /^(GMT|UTC)[+-−]/;
const nameFormats = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();

function shortName(value: Date, zone: string, locale: string): string {
  const key = `${locale} ${zone}`;
  let format = nameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
    nameFormats.set(key, format);
  }
  return format.formatToParts(value).find((part) => part.type === "timeZoneName")?.value ?? zone;
}

/** The zone's short name at that instant: "IST", "CET" / "CEST", "EST", "UTC", or "GMT+9" where there is none. */
export function zoneLabel(value: Date, zone: string): string {
  const key = `${zone} ${offsetMinutes(value, zone)}`;
  let label = labels.get(key);
  if (label === undefined) {
    const names = NAME_LOCALES.map((locale) => shortName(value, zone, locale));
    label = (names.find((name) => !OFFSET_NAME.test(name)) ?? names[0]!).replace("−", "-");
    labels.set(key, label);
  }
  return label;
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * An instant as people read it, always with its zone: "Thu 17 Dec 2026, 15:00 IST" (minute), "17 Dec 2026,
 * 15:00:05 IST" (second), "17 Dec 2026" (date: a day needs no zone), "Thursday 17 December 2026, 15:00 IST"
 * (long: what a candidate reads on their own page).
 */
export function formatInstant(value: Date, zone: string, precision: Precision = "minute"): string {
  const f = wallClock(value, zone);
  const day = `${f.day} ${MONTHS[f.month - 1]} ${f.year}`;
  if (precision === "date") return day;
  const weekdayIndex = new Date(Date.UTC(f.year, f.month - 1, f.day)).getUTCDay();
  const weekday = WEEKDAYS[weekdayIndex];
  const clock = `${two(f.hour)}:${two(f.minute)}`;
  const label = zoneLabel(value, zone);
  if (precision === "long")
    return `${LONG_WEEKDAYS[weekdayIndex]} ${f.day} ${LONG_MONTHS[f.month - 1]} ${f.year}, ${clock} ${label}`;
  return precision === "second" ? `${day}, ${clock}:${two(f.second)} ${label}` : `${weekday} ${day}, ${clock} ${label}`;
}

/** A calendar day (`2026-12-08`) as people read it: "Tue 8 Dec 2026". A day needs no zone. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()];
  return `${weekday} ${date} ${MONTHS[month - 1]} ${year}`;
}

/** Whether two zones show the same wall-clock time at that instant (then one label says it all). */
export function sameClock(value: Date, zone: string, other: string): boolean {
  return offsetMinutes(value, zone) === offsetMinutes(value, other);
}

/** The value of an `<input type="datetime-local">` for an instant in a zone ("2026-12-17T15:00"). */
export function toLocalInput(value: Date, zone: string): string {
  const f = wallClock(value, zone);
  return `${f.year}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}`;
}
