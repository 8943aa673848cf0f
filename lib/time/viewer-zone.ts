import { isTimeZone } from "./time-zones";

/**
 * The cookie in which the browser tells the server its time zone (app/_components/viewer-zone.tsx writes it), so
 * that times "in your zone" are right in the first HTML instead of switching a moment after it loads.
 */
export const VIEWER_ZONE_COOKIE = "callboard-zone";

/** The viewer's zone from the cookie's value, or `fallback` (INTERVIEW_TIMEZONE) when it names none we know. */
export function viewerZoneFrom(cookie: string | undefined, fallback: string): { zone: string; known: boolean } {
  let zone = "";
  try {
    zone = decodeURIComponent(cookie ?? "");
  } catch {
    // A cookie someone wrote by hand: no zone.
  }
  return isTimeZone(zone) ? { zone, known: true } : { zone: fallback, known: false };
}
