import ct from "countries-and-timezones";
import { isTimeZone } from "./time-zones";
import type { ViewerZone } from "./viewer-zone";

/** The viewer's zone from the cookie's value, or `fallback` (INTERVIEW_TIMEZONE) when it names none we know. */
export function viewerZoneFrom(cookie: string | undefined, fallback: string): ViewerZone {
  let remembered = "";
  try {
    remembered = decodeURIComponent(cookie ?? "");
  } catch {
    // A cookie someone wrote by hand: no zone.
  }
  if (!isTimeZone(remembered)) return { zone: fallback, remembered: "" };
  return { zone: ct.getTimezone(remembered)?.aliasOf ?? remembered, remembered };
}
