import type { Db } from "@/db/client";
import { givenName } from "@/lib/candidates/given-name";
import { hasAnswered, needsReconfirmation } from "@/lib/candidates/state-machine";
import { env } from "@/lib/env";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { translator } from "@/lib/i18n/translator";
import { writtenWhen } from "@/lib/i18n/when";
import { candidateZone } from "@/lib/time/zone-for-phone";
import type { OpenLink } from "./links";
import { offeredSlots } from "./offered-slots";

const HOUR_MS = 3600_000;

type ChangeNote = { declined: boolean; canReschedule: boolean; changesLeft: number; cutoffHours: number };

/** What the page says about changing the interview, given the link and the clock, in the candidate's language. */
function changeNote(view: ChangeNote, t: ReturnType<typeof translator<"selfService">>): string {
  if (view.declined) return t("declined");
  if (!view.canReschedule) return t("tooClose", { hours: view.cutoffHours });
  if (view.changesLeft === 0) return t("changesSpent");
  return t("changesLeft", { changes: view.changesLeft });
}

/**
 * What the self-service page shows, and nothing more: the page is public, so it carries the candidate's given
 * name, the position and the interview (in the candidate's own zone), never the phone, e-mail or surname. It is
 * read afresh on every request: the current interview and status, and the slots free at this moment.
 */
export function selfServiceView(db: Pick<Db, "select">, { candidate, link }: OpenLink, now: Date) {
  const config = env();
  const zone = candidateZone(candidate, config.INTERVIEW_TIMEZONE);
  const cutoffMs = config.SELF_SERVICE_CUTOFF_HOURS * HOUR_MS;
  const changesLeft = Math.max(0, link.maxChanges - link.changesUsed);
  const declined = candidate.status === "declined";
  const upcoming = candidate.interviewAt.getTime() > now.getTime();
  const canReschedule = !declined && candidate.interviewAt.getTime() - now.getTime() >= cutoffMs;
  const slots = canReschedule && changesLeft > 0 ? offeredSlots(db, candidate, new Date(now.getTime() + cutoffMs)) : [];
  const confirmed = hasAnswered(candidate);
  const language = candidateLanguage(candidate);
  const t = translator(language, "selfService");
  return {
    candidate: {
      firstName: givenName(candidate.name),
      position: candidate.position,
      status: candidate.status,
      interviewAt: candidate.interviewAt,
      timeZone: zone,
      /** The page is written in it (messages/<language>.json). */
      language,
    },
    confirmed,
    /** The interview moved since they last answered: the page asks them to confirm the new time. */
    needsReconfirmation: needsReconfirmation(candidate),
    canConfirm: !declined && upcoming && !confirmed,
    canReschedule: canReschedule && changesLeft > 0,
    cutoffHours: config.SELF_SERVICE_CUTOFF_HOURS,
    slots: slots.map((slot) => ({ id: slot.id, startsAt: slot.startsAt, placesLeft: slot.capacity - slot.booked })),
    changesLeft: canReschedule ? changesLeft : 0,
    changeNote: changeNote({ declined, canReschedule, changesLeft, cutoffHours: config.SELF_SERVICE_CUTOFF_HOURS }, t),
    expiresAt: link.expiresAt,
    expiresLabel: writtenWhen(link.expiresAt, zone, language),
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
