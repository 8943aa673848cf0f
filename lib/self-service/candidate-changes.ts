import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { candidates, interviewSlots, selfServiceLinks, type Candidate } from "@/db/schema";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { queueCandidateMessage } from "@/lib/mail/queue-message";
import { assertNotOverbooked, slotHasRoom } from "@/lib/slots/slot-capacity";
import { formatInstant } from "@/lib/time/format";
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
 * Writes the candidate's own change: status, interview, one audit entry with source `candidate`, the link's
 * change count, and the message with the new invite, all in the caller's transaction. manualStatusAt makes a
 * webhook event from before this moment unable to undo it (lib/calls/update-candidate.ts).
 */
function applyChange(tx: Tx, opened: OpenLink, next: Candidate, reason: string, now: Date): Candidate {
  const { candidate, link } = opened;
  tx.update(candidates).set(next).where(eq(candidates.id, candidate.id)).run();
  const moved = next.interviewAt.getTime() !== candidate.interviewAt.getTime();
  recordStatusChange(tx, {
    candidateId: candidate.id,
    candidateName: candidate.name,
    fromStatus: candidate.status,
    toStatus: next.status,
    fromInterviewAt: moved ? candidate.interviewAt : null,
    toInterviewAt: moved ? next.interviewAt : null,
    source: "candidate",
    actor: CANDIDATE_ACTOR,
    reason,
    at: now,
  });
  tx.update(selfServiceLinks)
    .set({ changesUsed: link.changesUsed + 1, lastUsedAt: now })
    .where(eq(selfServiceLinks.id, link.id))
    .run();
  queueCandidateMessage(tx, candidate, next, now);
  return next;
}

/** The candidate confirms their interview. Confirming again is a no-op that spends no change. */
export function confirmByCandidate(db: Db, token: string, now = new Date()): ChangeResult {
  return db.transaction(
    (tx) => {
      const opened = openLink(tx, token, now);
      const { candidate } = opened;
      refuseDeclined(candidate);
      if (candidate.interviewAt.getTime() <= now.getTime()) {
        throw new ApiError("interview_passed", "This interview has already taken place.");
      }
      if (candidate.status === "confirmed" || candidate.status === "rescheduled") return { candidate, changed: false };
      const reason = "Confirmed by the candidate (self-service link)";
      const next: Candidate = {
        ...candidate,
        status: "confirmed",
        statusReason: reason,
        statusChangedAt: now,
        manualStatusAt: now,
        updatedAt: now,
      };
      return { candidate: applyChange(tx, opened, next, reason, now), changed: true };
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
      const opened = openLink(tx, token, now);
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
        throw new ApiError("slot_not_offered", "This time is not one you can choose.");
      }
      if (slot.startsAt.getTime() <= now.getTime()) throw new ApiError("slot_past", "This time has already passed.");
      if (slot.startsAt.getTime() - now.getTime() < cutoff) {
        throw new ApiError("slot_too_close", `Choose a time at least ${env().SELF_SERVICE_CUTOFF_HOURS} hours from now.`);
      }
      if (!slotHasRoom(tx, slot.startsAt, candidate.id)) {
        throw new ApiError("slot_full", "This time has just been taken. Please choose another.");
      }
      const zone = candidateZone(candidate, env().INTERVIEW_TIMEZONE);
      const reason = `Moved to ${formatInstant(slot.startsAt, zone)} by the candidate (self-service link)`;
      const next: Candidate = {
        ...candidate,
        status: "rescheduled",
        statusReason: reason,
        statusChangedAt: candidate.status === "rescheduled" ? candidate.statusChangedAt : now,
        manualStatusAt: now,
        interviewAt: slot.startsAt,
        originalInterviewAt: candidate.originalInterviewAt ?? candidate.interviewAt,
        requestedInterviewAt: null,
        updatedAt: now,
      };
      const result = applyChange(tx, opened, next, reason, now);
      assertNotOverbooked(tx, [slot.startsAt]);
      return { candidate: result, changed: true };
    },
    { behavior: "immediate" },
  );
}
