import { DateTime } from "luxon";

/** "Friday 17 December 2027, 15:30": an interview as the candidate reads it on their own page (in their zone). */
export function longDateTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("cccc d LLLL yyyy, HH:mm");
}

/** "GMT+5:30, Asia/Kolkata": the zone a long time is written in. */
export function zoneLabel(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("ZZZZ")}, ${zone}`;
}
