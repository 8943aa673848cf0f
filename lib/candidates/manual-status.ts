import { eq, ne, or, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { notFound } from "@/lib/http/api-error";
import { supersedeOpenReview } from "@/lib/review/sync-review";
import { assertNotOverbooked } from "@/lib/slots/slot-capacity";
import type { CandidateStatus } from "@/db/values";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Change = { status: CandidateStatus; reason: string; interviewAt?: Date; clearReschedule?: boolean };

/**
 * A person's decision: it sets manualStatusAt, so a webhook event that happened before it can no longer
 * overwrite it (lib/calls/update-candidate.ts), and it is audited in the same transaction.
 */
function applyManualChange(tx: Tx, candidate: Candidate, change: Change, actor: Actor, now: Date): Candidate {
  const interviewAt = change.interviewAt ?? candidate.interviewAt;
  const next: Candidate = {
    ...candidate,
    status: change.status,
    statusReason: change.reason,
    statusChangedAt: change.status !== candidate.status ? now : candidate.statusChangedAt,
    manualStatusAt: now,
    interviewAt,
    originalInterviewAt: change.clearReschedule ? null : candidate.originalInterviewAt,
    requestedInterviewAt: change.clearReschedule ? null : candidate.requestedInterviewAt,
    updatedAt: now,
  };
  tx.update(candidates).set(next).where(eq(candidates.id, candidate.id)).run();
  supersedeOpenReview(tx, candidate.id, `Status set by ${actor.label}`, now);
  const interviewChanged = interviewAt.getTime() !== candidate.interviewAt.getTime();
  recordStatusChange(tx, {
    candidateId: candidate.id,
    candidateName: candidate.name,
    fromStatus: candidate.status,
    toStatus: change.status,
    fromInterviewAt: interviewChanged ? candidate.interviewAt : null,
    toInterviewAt: interviewChanged ? interviewAt : null,
    source: "manual",
    actor: actor.label,
    reason: change.reason,
    at: now,
  });
  return next;
}

/** The interview time a change makes the candidate hold that it did not hold before (declined ones hold none). */
function newlyHeld(before: Candidate, after: Candidate): Date[] {
  if (after.status === "declined") return [];
  const heldBefore = before.status !== "declined" && before.interviewAt.getTime() === after.interviewAt.getTime();
  return heldBefore ? [] : [after.interviewAt];
}

function loadForUpdate(tx: Tx, id: number): Candidate {
  const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
  if (!candidate) throw notFound(`Candidate ${id}`);
  return candidate;
}

/** One candidate's change, refused (409 slot_full) when it would overbook the interview slot it ends up in. */
function changeOne(db: Db, id: number, changeFor: (candidate: Candidate) => Change, actor: Actor): Candidate {
  return db.transaction(
    (tx) => {
      const candidate = loadForUpdate(tx, id);
      const next = applyManualChange(tx, candidate, changeFor(candidate), actor, new Date());
      assertNotOverbooked(tx, newlyHeld(candidate, next));
      return next;
    },
    { behavior: "immediate" },
  );
}

/** Taking a declined candidate back makes them hold their slot again: refused when it has filled up since. */
export function overrideStatus(db: Db, id: number, status: CandidateStatus, reason: string | null, actor: Actor): Candidate {
  return changeOne(db, id, () => ({ status, reason: reason ?? `Set to ${status} by ${actor.label}` }), actor);
}

const resetChange = (candidate: Candidate, reason: string | null, actor: Actor): Change => ({
  status: "pending",
  reason: reason ?? `Reset by ${actor.label}`,
  interviewAt: candidate.originalInterviewAt ?? candidate.interviewAt,
  clearReschedule: true,
});

/**
 * Back to pending with the original interview restored; refused when the slot it goes back to has filled up
 * since, so that a person decides who moves.
 */
export function resetCandidate(db: Db, id: number, reason: string | null, actor: Actor): Candidate {
  return changeOne(db, id, (candidate) => resetChange(candidate, reason, actor), actor);
}

/**
 * Resets every candidate that is not already a plain pending one; returns how many changed. All or nothing:
 * refused (409 slot_full) when the slots everyone goes back to would hold more than their capacity.
 */
export function resetAllCandidates(db: Db, reason: string | null, actor: Actor): number {
  return db.transaction(
    (tx) => {
      const now = new Date();
      const touched = tx
        .select()
        .from(candidates)
        .where(
          or(
            ne(candidates.status, "pending"),
            isNotNull(candidates.originalInterviewAt),
            isNotNull(candidates.requestedInterviewAt),
          ),
        )
        .all();
      const held = touched.flatMap((candidate) =>
        newlyHeld(candidate, applyManualChange(tx, candidate, resetChange(candidate, reason, actor), actor, now)),
      );
      assertNotOverbooked(tx, held);
      return touched.length;
    },
    { behavior: "immediate" },
  );
}
