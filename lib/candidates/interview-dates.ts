import { DateTime } from "luxon";
import { z } from "zod";
import { formatDay } from "@/lib/time/format";

// "Who is coming tomorrow?": the board, search, GET /api/candidates and the export filter by the interview's day,
// a day of the team's clock (INTERVIEW_TIMEZONE), both ends included.

/** A calendar day, `YYYY-MM-DD`, that exists (no 2027-02-30). */
export const dayInput = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((day) => DateTime.fromISO(day, { zone: "UTC" }).isValid, "is not a date in the calendar");

export type DayRange = { interviewFrom?: string; interviewTo?: string };

/** The instants a day range covers in `zone`: from the start of the first day to the start of the day after the last. */
export function dayRangeInstants(range: DayRange, zone: string): { from?: Date; until?: Date } {
  const startOf = (day: string) => DateTime.fromISO(day, { zone }).startOf("day");
  return {
    from: range.interviewFrom ? startOf(range.interviewFrom).toJSDate() : undefined,
    until: range.interviewTo ? startOf(range.interviewTo).plus({ days: 1 }).toJSDate() : undefined,
  };
}

export const DAY_PRESETS = ["today", "tomorrow", "week"] as const;
export type DayPreset = (typeof DAY_PRESETS)[number];

export const DAY_PRESET_LABELS: Record<DayPreset, string> = { today: "Today", tomorrow: "Tomorrow", week: "This week" };

/** Today, tomorrow and this week (Monday to Sunday) on the team's clock, as day ranges. */
export function dayPresets(now: Date, zone: string): Record<DayPreset, Required<DayRange>> {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const day = (value: DateTime) => value.toISODate()!;
  const monday = today.minus({ days: today.weekday - 1 });
  return {
    today: { interviewFrom: day(today), interviewTo: day(today) },
    tomorrow: { interviewFrom: day(today.plus({ days: 1 })), interviewTo: day(today.plus({ days: 1 })) },
    week: { interviewFrom: day(monday), interviewTo: day(monday.plus({ days: 6 })) },
  };
}

/** Which preset a range is, if any: the board marks that button as the current one. */
export function presetOf(range: DayRange, now: Date, zone: string): DayPreset | null {
  const presets = dayPresets(now, zone);
  return (
    DAY_PRESETS.find(
      (preset) => presets[preset].interviewFrom === range.interviewFrom && presets[preset].interviewTo === range.interviewTo,
    ) ?? null
  );
}

/** "on Tue 8 Dec 2026", "from Mon 7 Dec 2026 to Sun 13 Dec 2026", "from …", "until …". */
export function dayRangeWords({ interviewFrom: from, interviewTo: to }: DayRange): string {
  if (from && to) return from === to ? `on ${formatDay(from)}` : `from ${formatDay(from)} to ${formatDay(to)}`;
  if (from) return `from ${formatDay(from)}`;
  return to ? `until ${formatDay(to)}` : "on any day";
}
