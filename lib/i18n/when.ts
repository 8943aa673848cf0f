import { DateTime } from "luxon";
import type { Language } from "@/db/values";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { spokenDateTime } from "@/lib/time/spoken-time";

/** The part of the day a Hindi speaker names before the hour: सुबह 11 बजे, दोपहर 2 बजे, शाम 6 बजे, रात 9 बजे. */
function hindiPartOfDay(hour: number): string {
  if (hour < 4) return "रात";
  if (hour < 12) return "सुबह";
  if (hour < 16) return "दोपहर";
  if (hour < 20) return "शाम";
  return "रात";
}

/** "शुक्रवार, 18 दिसंबर को सुबह 11 बजे", "… दोपहर 2:30 बजे"; the year only when it is not `currentYear`. */
function hindiSpoken(at: DateTime, currentYear: number): string {
  const local = at.setLocale("hi");
  const year = at.year === currentYear ? "" : ` ${at.year}`;
  const hour12 = at.hour % 12 === 0 ? 12 : at.hour % 12;
  const clock = at.minute === 0 ? `${hour12}` : `${hour12}:${String(at.minute).padStart(2, "0")}`;
  return `${local.toFormat("cccc, d LLLL")}${year} को ${hindiPartOfDay(at.hour)} ${clock} बजे`;
}

/**
 * How the agent says an instant to the candidate, on their clock (`zone`) and in their language: "Friday, the
 * 18th of December at 11 o'clock in the morning" (lib/time/spoken-time.ts), "शुक्रवार, 18 दिसंबर को सुबह 11 बजे".
 */
export function spokenWhen(at: Date, zone: string, language: Language, now: Date): string {
  const local = DateTime.fromJSDate(at, { zone });
  const currentYear = DateTime.fromJSDate(now, { zone }).year;
  return language === "hi" ? hindiSpoken(local, currentYear) : spokenDateTime(local, currentYear);
}

/**
 * An instant as the candidate reads it, with its zone: on their page ("long") "Friday 18 December 2026, 11:00
 * IST", "शुक्रवार 18 दिसंबर 2026, 11:00 IST"; in e-mails ("minute") "Fri 18 Dec 2026, 11:00 IST" (lib/time/format.ts);
 * Hindi always names the day and month in full (its short forms read as clipped words).
 */
export function writtenWhen(at: Date, zone: string, language: Language, precision: "long" | "minute" = "long"): string {
  if (language === "en") return formatInstant(at, zone, precision);
  const local = DateTime.fromJSDate(at, { zone }).setLocale("hi");
  return `${local.toFormat("cccc d LLLL yyyy, HH:mm")} ${zoneLabel(at, zone)}`;
}

/** An instant as ISO 8601 with the zone's offset, for answers a machine reads: "2026-12-18T11:00:00+05:30". */
export function isoIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true })!;
}
