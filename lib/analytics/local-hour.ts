import { candidateZone } from "@/lib/time/zone-for-phone";

// One formatter per zone (there are a few hundred at most): building one costs far more than using it.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The hour of day (0–23) of `at` in `zone`. */
export function hourIn(at: Date, zone: string): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: zone });
    formats.set(zone, format);
  }
  return Number(format.format(at)) % 24;
}

/**
 * The hour a call was placed where the candidate lives, stored with the call when its row is created: the
 * analytics' answer rate by hour ("when to call") is read in the candidate's zone, not the server's.
 */
export function callLocalHour(candidate: { timeZone: string | null; phone: string }, at: Date, fallbackZone: string): number {
  return hourIn(at, candidateZone(candidate, fallbackZone));
}
