import { eq, ne, or, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { notFound } from "@/lib/http/api-error";
import type { CandidateStatus } from "./status";

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

function loadForUpdate(tx: Tx, id: number): Candidate {
  const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
  if (!candidate) throw notFound(`Candidate ${id}`);
  return candidate;
}

export function overrideStatus(db: Db, id: number, status: CandidateStatus, reason: string | null, actor: Actor): Candidate {
  return db.transaction(
    (tx) => applyManualChange(tx, loadForUpdate(tx, id), { status, reason: reason ?? `Set to ${status} by ${actor.label}` }, actor, new Date()),
    { behavior: "immediate" },
  );
}

const resetChange = (candidate: Candidate, reason: string | null, actor: Actor): Change => ({
  status: "pending",
  reason: reason ?? `Reset by ${actor.label}`,
  interviewAt: candidate.originalInterviewAt ?? candidate.interviewAt,
  clearReschedule: true,
});

/** Back to pending with the original interview restored. */
export function resetCandidate(db: Db, id: number, reason: string | null, actor: Actor): Candidate {
  return db.transaction(
    (tx) => {
      const candidate = loadForUpdate(tx, id);
      return applyManualChange(tx, candidate, resetChange(candidate, reason, actor), actor, new Date());
    },
    { behavior: "immediate" },
  );
}

/** Resets every candidate that is not already a plain pending one; returns how many changed. */
export function resetAllCandidates(db: Db, reason: string | null, actor: Actor): number {
  return db.transaction(
    (tx) => {
      const now = new Date();
      const touched = tx
        .select()
        .from(candidates)
        .where(or(ne(candidates.status, "pending"), isNotNull(candidates.originalInterviewAt), isNotNull(candidates.requestedInterviewAt)))
        .all();
      for (const candidate of touched) applyManualChange(tx, candidate, resetChange(candidate, reason, actor), actor, now);
      return touched.length;
    },
    { behavior: "immediate" },
  );
}
