/** What an accepted webhook delivery did. */
export const EVENT_RESULTS = ["applied", "duplicate", "stale", "unmatched"] as const;
export type EventResult = (typeof EVENT_RESULTS)[number];
