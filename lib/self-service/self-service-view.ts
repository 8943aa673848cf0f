import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { OpenLink } from "./links";
import { offeredSlots } from "./offered-slots";

const HOUR_MS = 3600_000;

/**
 * What the self-service page shows, and nothing more: the page is public, so it carries the candidate's first
 * name, the position and the interview (in the candidate's zone), never the phone, e-mail or surname.
 */
export function selfServiceView(db: Pick<Db, "select">, { candidate, link }: OpenLink, now: Date) {
  const config = env();
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const cutoffMs = config.SELF_SERVICE_CUTOFF_HOURS * HOUR_MS;
  const changesLeft = Math.max(0, link.maxChanges - link.changesUsed);
  const declined = candidate.status === "declined";
  const canConfirm = !declined && candidate.interviewAt.getTime() > now.getTime();
  const canReschedule = !declined && candidate.interviewAt.getTime() - now.getTime() >= cutoffMs;
  const slots = canReschedule ? offeredSlots(db, candidate, new Date(now.getTime() + cutoffMs)) : [];
  return {
    candidate: {
      firstName: candidate.name.trim().split(/\s+/)[0] ?? "",
      position: candidate.position,
      status: candidate.status,
      interviewAt: candidate.interviewAt,
      timeZone: zone,
      /** The page is written in it (messages/<language>.json). */
      language: candidateLanguage(candidate),
    },
    confirmed: candidate.status === "confirmed" || candidate.status === "rescheduled",
    canConfirm,
    canReschedule,
    cutoffHours: config.SELF_SERVICE_CUTOFF_HOURS,
    slots: slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt, placesLeft: slot.capacity - slot.booked })),
    changesLeft,
    expiresAt: link.expiresAt,
  };
}

export type SelfServiceView = ReturnType<typeof selfServiceView>;

/** The view as JSON (GET /api/self-service/{token}): instants as ISO strings. */
export function selfServiceViewJson(view: SelfServiceView) {
  return {
    ...view,
    candidate: { ...view.candidate, interviewAt: view.candidate.interviewAt.toISOString() },
    slots: view.slots.map((slot) => ({ ...slot, startsAt: slot.startsAt.toISOString() })),
    expiresAt: view.expiresAt.toISOString(),
  };
}
