import { wallClock } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";

/**
 * The hour (0–23) a call rings where the candidate lives, stored with the call when its row is created: the
 * analytics' answer rate by hour ("when to call") is read in the candidate's zone, not the server's.
 */
export function callLocalHour(candidate: { timeZone: string | null; phone: string }, at: Date, fallbackZone: string): number {
  return wallClock(at, candidateZone(candidate, fallbackZone)).hour;
}
