// Shared by the server and the browser: no zone data here (the browser bundle stays small).

/**
 * The cookie in which the browser tells the server its time zone (app/_components/viewer-zone.tsx writes it), so
 * that times "in your zone" are right in the first HTML instead of switching a moment after it loads.
 */
export const VIEWER_ZONE_COOKIE = "callboard-zone";

export type ViewerZone = {
  /** The zone to show times in: the browser's, by its current name (Chromium says Asia/Calcutta for Asia/Kolkata). */
  zone: string;
  /** The cookie's zone as the browser wrote it, or "" when there is none we know: the browser compares its own. */
  remembered: string;
};
