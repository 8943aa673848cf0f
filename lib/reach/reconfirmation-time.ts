import { latestCallingTimeBefore, type CallingHours } from "@/lib/time/calling-hours";

const HOUR_MS = 3600_000;

/** A reminder call must ring at least this long before the interview, or it is skipped as too close. */
export const RECONFIRM_MIN_LEAD_MS = 2 * HOUR_MS;

/**
 * When the reminder call for an interview is due: `hoursBefore` hours before it, or — when that moment falls
 * outside the calling hours in the candidate's zone — the latest allowed time before it. Never later: a reminder
 * that slid to the next morning could land after the interview.
 */
export function reconfirmationDueAt(interviewAt: Date, hoursBefore: number, zone: string, hours: CallingHours): Date {
  return latestCallingTimeBefore(new Date(interviewAt.getTime() - hoursBefore * HOUR_MS), zone, hours);
}
