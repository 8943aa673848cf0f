import { DateTime } from "luxon";

/**
 * "Fri 17 Dec, 15:30 GMT+5:30": an instant as a candidate or recruiter reads it in a status reason, always with
 * the offset, so the text says which zone it is in.
 */
export function formatInZone(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-GB").toFormat("ccc d LLL, HH:mm ZZZZ");
}
