import type { DateTime } from "luxon";

/**
 * How a voice agent says a date and a time, so that the text-to-speech reads it naturally: "11 o'clock in the
 * morning", "2:30 in the afternoon", "Friday, the 12th of December". Callers pass a DateTime already in the
 * interview time zone; nothing here looks at the clock.
 */

export function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  const suffix = { 1: "st", 2: "nd", 3: "rd" }[day % 10] ?? "th";
  return `${day}${suffix}`;
}

function partOfDay(hour: number): string {
  if (hour < 5) return "at night";
  if (hour < 12) return "in the morning";
  if (hour < 17) return "in the afternoon";
  if (hour < 21) return "in the evening";
  return "at night";
}

/** "11 o'clock in the morning", "2:30 in the afternoon", "12 noon", "12 midnight", "12:15 in the afternoon". */
export function spokenTime(at: DateTime): string {
  const { hour, minute } = at;
  if (minute === 0 && hour === 12) return "12 noon";
  if (minute === 0 && hour === 0) return "12 midnight";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const clock = minute === 0 ? `${hour12} o'clock` : `${hour12}:${String(minute).padStart(2, "0")}`;
  return `${clock} ${partOfDay(hour)}`;
}

/** "Friday, the 12th of December"; the year is said only when it is not `currentYear`. */
export function spokenDate(at: DateTime, currentYear?: number): string {
  const english = at.setLocale("en-US");
  const year = currentYear !== undefined && at.year !== currentYear ? `, ${at.year}` : "";
  return `${english.toFormat("cccc")}, the ${ordinal(at.day)} of ${english.toFormat("LLLL")}${year}`;
}

/** "Friday, the 12th of December at 11 o'clock in the morning". */
export function spokenDateTime(at: DateTime, currentYear?: number): string {
  return `${spokenDate(at, currentYear)} at ${spokenTime(at)}`;
}

/** "a, b and c" — how a list is read out. */
export function spokenList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
