import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import type { StatusChangeSource } from "@/db/values";
import { can } from "@/lib/auth/permissions";
import { ApiError, notFound } from "@/lib/http/api-error";

type Writer = Pick<Db, "update" | "insert">;

type DoNotCallMark = { reason: string; by: string; source: StatusChangeSource; now: Date };

/**
 * Marks the candidate do-not-call inside the caller's transaction, with one audit entry (their status does not
 * change); a candidate already marked keeps the first reason. Returns the candidate as it now is.
 */
export function markDoNotCall(tx: Writer, candidate: Candidate, mark: DoNotCallMark): Candidate {
  if (candidate.doNotCall) return candidate;
  const next: Candidate = {
    ...candidate,
    doNotCall: true,
    doNotCallReason: mark.reason,
    doNotCallAt: mark.now,
    doNotCallBy: mark.by,
    updatedAt: mark.now,
  };
  tx.update(candidates)
    .set({ doNotCall: true, doNotCallReason: mark.reason, doNotCallAt: mark.now, doNotCallBy: mark.by, updatedAt: mark.now })
    .where(eq(candidates.id, candidate.id))
    .run();
  recordStatusChange(tx, {
    candidateId: candidate.id,
    candidateName: candidate.name,
    fromStatus: candidate.status,
    toStatus: candidate.status,
    source: mark.source,
    actor: mark.by,
    reason: `Do not call: ${mark.reason}`,
    at: mark.now,
  });
  return next;
}

/** The exception in words: why a call to this candidate is refused (409 do_not_call). */
export function doNotCallRefusal(candidate: Pick<Candidate, "name" | "doNotCallReason">): ApiError {
  return new ApiError(
    "do_not_call",
    `${candidate.name} asked not to be called${candidate.doNotCallReason ? ` (${candidate.doNotCallReason})` : ""}: only an admin can lift it.`,
  );
}

/**
 * `PUT /api/candidates/{id}/do-not-call`: a recruiter marks the candidate do-not-call; only an admin lifts it, and
 * always with a reason. Both are audited (source `manual`). Setting it again, or lifting a candidate who is not
 * marked, changes nothing.
 */
export function setDoNotCall(
  db: Db,
  id: number,
  input: { doNotCall: boolean; reason: string },
  actor: Actor,
  now = new Date(),
): Candidate {
  if (!input.doNotCall && !can(actor.role, "candidates:override")) {
    throw new ApiError("forbidden", "Only an admin may lift do-not-call.");
  }
  return db.transaction(
    (tx: Tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
      if (!candidate) throw notFound(`Candidate ${id}`);
      if (input.doNotCall) return markDoNotCall(tx, candidate, { reason: input.reason, by: actor.label, source: "manual", now });
      if (!candidate.doNotCall) return candidate;
      const lifted = { doNotCall: false, doNotCallReason: null, doNotCallAt: null, doNotCallBy: null, updatedAt: now };
      tx.update(candidates).set(lifted).where(eq(candidates.id, id)).run();
      recordStatusChange(tx, {
        candidateId: id,
        candidateName: candidate.name,
        fromStatus: candidate.status,
        toStatus: candidate.status,
        source: "manual",
        actor: actor.label,
        reason: `Do-not-call lifted: ${input.reason}`,
        at: now,
      });
      return { ...candidate, ...lifted };
    },
    { behavior: "immediate" },
  );
}
