import { DateTime } from "luxon";

/** A `<input type="datetime-local">` value read in `zone` (the one its label names), as ISO 8601 with its offset. */
export function localInputToIso(value: string, zone: string): string | null {
  const parsed = DateTime.fromISO(value, { zone });
  return parsed.isValid ? parsed.toISO() : null;
}
