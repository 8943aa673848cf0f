import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interviewSlots, selfServiceLinks, type Candidate } from "@/db/schema";
import { applyTransition } from "@/lib/candidates/apply-transition";
import { hasAnswered, type CandidateEvent } from "@/lib/candidates/state-machine";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { assertNotOverbooked, slotHasRoom } from "@/lib/slots/slot-capacity";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { openLink, type OpenLink } from "./links";
import { isOffered } from "./offered-slots";

const CANDIDATE_ACTOR = "candidate (self-service link)";

const HOUR_MS = 3600_000;
const cutoffMs = () => env().SELF_SERVICE_CUTOFF_HOURS * HOUR_MS;

export type ChangeResult = { candidate: Candidate; changed: boolean };

function refuseDeclined(candidate: Candidate): void {
  if (candidate.status === "declined") {
    throw new ApiError(
      "candidate_declined",
      "You have withdrawn from this interview. Contact the recruiter to take it up again.",
    );
  }
}

/**
 * Writes the candidate's own change through the state machine (status, interview, one audit entry with source
 * `candidate`, the message with the new invite) in the caller's transaction; only a move spends one of the link's
 * changes. manualStatusAt makes a webhook event from before this moment unable to undo it.
 */
function applyChange(db: Db, opened: OpenLink, event: CandidateEvent, now: Date): Candidate {
  const { candidate, link } = opened;
  const next = applyTransition(db, candidate, event, {
    source: "candidate",
    actor: CANDIDATE_ACTOR,
    now,
    reviewNote: "The candidate answered on their own page",
  });
  const spent = event.kind === "moved_by_candidate" ? 1 : 0;
  db.update(selfServiceLinks)
    .set({ changesUsed: link.changesUsed + spent, lastUsedAt: now })
    .where(eq(selfServiceLinks.id, link.id))
    .run();
  return next;
}

/** The candidate confirms their interview. Confirming never spends a change; confirming again changes nothing. */
export function confirmByCandidate(db: Db, token: string, now = new Date()): ChangeResult {
  return db.transaction(
    () => {
      const opened = openLink(db, token, now, "view");
      const { candidate } = opened;
      refuseDeclined(candidate);
      if (candidate.interviewAt.getTime() <= now.getTime()) {
        throw new ApiError("interview_passed", "This interview has already taken place. Contact the recruiter about a new one.");
      }
      if (hasAnswered(candidate)) return { candidate, changed: false };
      return { candidate: applyChange(db, opened, { kind: "confirmed_by_candidate" }, now), changed: true };
    },
    { behavior: "immediate" },
  );
}

/**
 * The candidate moves the interview to another slot. In one IMMEDIATE transaction, so two candidates taking the
 * last place at once cannot both have it: the second finds the slot full (409 slot_full).
 */
export function rescheduleByCandidate(db: Db, token: string, slotId: number, now = new Date()): ChangeResult {
  return db.transaction(
    (tx) => {
      const opened = openLink(tx, token, now, "change");
      const { candidate } = opened;
      refuseDeclined(candidate);
      const cutoff = cutoffMs();
      if (candidate.interviewAt.getTime() - now.getTime() < cutoff) {
        throw new ApiError(
          "interview_too_close",
          `Your interview is less than ${env().SELF_SERVICE_CUTOFF_HOURS} hours away: it can no longer be moved here. Contact the recruiter.`,
        );
      }
      const slot = tx.select().from(interviewSlots).where(eq(interviewSlots.id, slotId)).get();
      if (!slot) throw new ApiError("validation_failed", "slotId: there is no such slot.", "slotId");
      if (!isOffered(tx, candidate.id, slot.id) || slot.startsAt.getTime() === candidate.interviewAt.getTime()) {
        throw new ApiError(
          "slot_not_offered",
          "This time is not one you can choose. Your interview has not changed: pick one of the times listed.",
        );
      }
      if (slot.startsAt.getTime() <= now.getTime())
        throw new ApiError(
          "slot_past",
          "This time has already passed. Your interview has not changed: pick one of the times listed.",
        );
      if (slot.startsAt.getTime() - now.getTime() < cutoff) {
        throw new ApiError(
          "slot_too_close",
          `This time is less than ${env().SELF_SERVICE_CUTOFF_HOURS} hours away. Your interview has not changed: pick a later one.`,
        );
      }
      if (!slotHasRoom(tx, slot.startsAt, candidate.id)) {
        throw new ApiError(
          "slot_full",
          "Someone has just taken this time. Your interview has not changed: pick another of the times listed, which are all still free.",
        );
      }
      const zone = candidateZone(candidate, env().INTERVIEW_TIMEZONE);
      const result = applyChange(db, opened, { kind: "moved_by_candidate", to: slot.startsAt, zone }, now);
      assertNotOverbooked(tx, [slot.startsAt]);
      return { candidate: result, changed: true };
    },
    { behavior: "immediate" },
  );
}
