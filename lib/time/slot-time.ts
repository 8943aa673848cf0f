import { DateTime } from "luxon";

const TIME_FORMATS = ["h:mm a", "h a", "h:mma", "ha", "H:mm", "HH:mm", "H:mm:ss"];

/**
 * Reads an agent's slot (`{date: "2025-12-17", time: "3:00 PM"}`) as an instant in the interview time zone.
 * Bolna's slots carry no offset, so the zone is configuration, not a guess.
 */
export function slotToInstant(date: unknown, time: unknown, zone: string): Date | null {
  if (typeof date !== "string" || typeof time !== "string") return null;
  if (date.length > 20 || time.length > 20) return null;
  const day = date.trim();
  const clock = time.trim().replace(/\./g, "").toUpperCase();
  // Luxon reads "13 PM" as 13:00; on a 12-hour clock that is a misheard slot, not a time.
  const twelveHour = /^(\d{1,2})(:\d{2})?\s*(AM|PM)$/.exec(clock);
  if (twelveHour && (Number(twelveHour[1]) < 1 || Number(twelveHour[1]) > 12)) return null;
  for (const format of TIME_FORMATS) {
    const parsed = DateTime.fromFormat(`${day} ${clock}`, `yyyy-MM-dd ${format}`, { zone, locale: "en-US" });
    if (parsed.isValid) return parsed.toJSDate();
  }
  return null;
}
