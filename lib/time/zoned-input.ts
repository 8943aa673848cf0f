import { DateTime } from "luxon";
import { formatInstant } from "./format";

/** A time someone typed, read in a zone: the instant, or why it cannot be one (naming the readings). */
export type ZonedRead = { ok: true; at: Date } | { ok: false; message: string };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const HOUR_MS = 3600_000;

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const offsetAt = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).offset;

/** The instants at which `zone`'s clocks show `wall`: none (skipped by a jump forward), one, or two (repeated). */
function readings(wall: Wall, zone: string): Date[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Every offset the zone uses within a day of that wall clock: no zone changes twice in 28 hours.
  const offsets = new Set([-14, 0, 14].map((hours) => offsetAt(asUtc + hours * HOUR_MS, zone)));
  return [...offsets]
    .map((offset) => asUtc - offset * 60_000)
    .filter((at) => offsetAt(at, zone) * 60_000 === asUtc - at)
    .sort((a, b) => a - b)
    .map((at) => new Date(at));
}

const two = (n: number) => String(n).padStart(2, "0");
const wallText = (wall: Wall) => `${wall.year}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)}`;

function refusal(wall: Wall, zone: string, found: Date[]): string {
  if (found.length > 1) {
    const [first, second] = found.map((at) => formatInstant(at, zone));
    return `${wallText(wall)} happens twice in ${zone} (the clocks go back an hour): ${first} or, an hour later, ${second}. Choose a time that happens once, or give the time with its UTC offset.`;
  }
  // Skipped: read with the offset before the jump, it lands after it, and the other way round.
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const around = [offsetAt(asUtc - 14 * HOUR_MS, zone), offsetAt(asUtc + 14 * HOUR_MS, zone)]
    .map((offset) => asUtc - offset * 60_000)
    .sort((a, b) => a - b)
    .map((at) => formatInstant(new Date(at), zone));
  return `${wallText(wall)} does not exist in ${zone} (the clocks go forward an hour): it reads as ${around[0]} or ${around[1]}. Enter one of those.`;
}

function wallOf(match: RegExpExecArray): Wall | null {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const wall = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
  return DateTime.fromObject(wall, { zone: "UTC" }).isValid ? wall : null;
}

/**
 * A wall-clock time without an offset (`2027-03-14T02:30` from a form, `2027-03-14 02:30` from a CSV) read in
 * `zone`. A time the zone skips (02:30 on the night the clocks go forward) or shows twice (01:30 on the night they
 * go back) is refused with both readings named: null for text that is no date-time at all.
 */
export function readLocalTime(text: string, zone: string): ZonedRead | null {
  const match = LOCAL.exec(text.trim());
  const wall = match && wallOf(match);
  if (!wall) return null;
  const found = readings(wall, zone);
  return found.length === 1 ? { ok: true, at: found[0]! } : { ok: false, message: refusal(wall, zone, found) };
}

/**
 * An ISO 8601 time with an offset (the API's, a CSV's) meant for `zone`. The offset decides the instant, and
 * settles a repeated hour; but a wall clock the zone skips, written with one of the zone's own offsets (not UTC),
 * is a client that computed the offset wrongly: refused like a form's, rather than saved an hour off.
 */
export function readOffsetTime(text: string, zone: string): ZonedRead | null {
  const parsed = DateTime.fromISO(text.trim(), { setZone: true });
  const match = WITH_OFFSET.exec(text.trim());
  if (!parsed.isValid || !match) return null;
  const wall = {
    year: parsed.year,
    month: parsed.month,
    day: parsed.day,
    hour: parsed.hour,
    minute: parsed.minute,
    second: parsed.second,
  };
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const zoneOffsets = new Set([-14, 14].map((hours) => offsetAt(asUtc + hours * HOUR_MS, zone)));
  // UTC (Z, +00:00) is what machines write: never taken for a zone's own offset, even where that is +00:00.
  const zoneOwn = parsed.offset !== 0 && zoneOffsets.has(parsed.offset);
  if (zoneOffsets.size > 1 && zoneOwn && readings(wall, zone).length === 0) {
    return { ok: false, message: refusal(wall, zone, []) };
  }
  return { ok: true, at: parsed.toJSDate() };
}

/** The instant as ISO 8601 with `zone`'s offset at that moment (`2027-03-14T03:30:00.000-04:00`). */
export function isoInZone(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISO()!;
}
