import { eq, ne, or, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ApiError, notFound } from "@/lib/http/api-error";
import { assertNotOverbooked } from "@/lib/slots/slot-capacity";
import { applyTransition } from "./apply-transition";
import type { CandidateEvent } from "./state-machine";
import type { CandidateStatus } from "@/db/values";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * A person's decision (lib/candidates/state-machine.ts: set by hand, reset): it sets manualStatusAt, so a webhook
 * event that happened before it can no longer overwrite it, closes any open review, and is audited in the same
 * transaction.
 */
function applyManualChange(db: Db, candidate: Candidate, event: CandidateEvent, actor: Actor, now: Date): Candidate {
  return applyTransition(db, candidate, event, {
    source: "manual",
    actor: actor.label,
    now,
    auditAlways: true,
    reviewNote: `Status set by ${actor.label}`,
  });
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
function changeOne(db: Db, id: number, event: CandidateEvent, actor: Actor): Candidate {
  return db.transaction(
    (tx) => {
      const candidate = loadForUpdate(tx, id);
      const next = applyManualChange(db, candidate, event, actor, new Date());
      assertNotOverbooked(tx, newlyHeld(candidate, next));
      return next;
    },
    { behavior: "immediate" },
  );
}

/**
 * Taking a declined candidate back makes them hold their slot again: refused when it has filled up since. `calling`
 * is Bolna's to set (a call in progress): a person cannot.
 */
export function overrideStatus(db: Db, id: number, status: CandidateStatus, reason: string | null, actor: Actor): Candidate {
  if (status === "calling") {
    throw new ApiError(
      "validation_failed",
      "status: calling means a call is going on; place a call instead of setting it by hand",
      "status",
    );
  }
  return changeOne(db, id, { kind: "set_by_hand", status, reason: reason ?? `Set to ${status} by ${actor.label}` }, actor);
}

const resetEvent = (reason: string | null, actor: Actor): CandidateEvent => ({
  kind: "reset",
  reason: reason ?? `Reset by ${actor.label}`,
});

/**
 * Back to pending with the original interview restored; refused when the slot it goes back to has filled up
 * since, so that a person decides who moves.
 */
export function resetCandidate(db: Db, id: number, reason: string | null, actor: Actor): Candidate {
  return changeOne(db, id, resetEvent(reason, actor), actor);
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
        newlyHeld(candidate, applyManualChange(db, candidate, resetEvent(reason, actor), actor, now)),
      );
      assertNotOverbooked(tx, held);
      return touched.length;
    },
    { behavior: "immediate" },
  );
}
