import "server-only";
import { asc, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidateReschedulingSlots, candidates, interviewSlots, statusChanges } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { ApiError } from "@/lib/http/api-error";
import { listSlots } from "@/lib/slots/manage-slots";
import { countCalls, loadCallTimeline } from "./candidate-timeline";

/** A path segment as a candidate id; anything but a positive integer is no candidate at all. */
export function parseCandidateId(segment: string): number | null {
  if (!/^\d{1,15}$/.test(segment)) return null;
  const id = Number(segment);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function selectProfile(db: Db, id: number) {
  return db
    .select({
      id: candidates.id,
      name: candidates.name,
      phone: candidates.phone,
      email: candidates.email,
      position: candidates.position,
      timeZone: candidates.timeZone,
      appliedAt: candidates.appliedAt,
      interviewAt: candidates.interviewAt,
      originalInterviewAt: candidates.originalInterviewAt,
      requestedInterviewAt: candidates.requestedInterviewAt,
      status: candidates.status,
      statusReason: candidates.statusReason,
      statusEvent: candidates.statusEvent,
      nextAttemptAt: candidates.nextAttemptAt,
      statusChangedAt: candidates.statusChangedAt,
      manualStatusAt: candidates.manualStatusAt,
      callStatus: candidates.callStatus,
      lastCallAt: candidates.lastCallAt,
      updatedAt: candidates.updatedAt,
      attendance: candidates.attendance,
      attendanceReason: candidates.attendanceReason,
      attendanceMarkedAt: candidates.attendanceMarkedAt,
      attendanceMarkedBy: candidates.attendanceMarkedBy,
      language: candidates.language,
      doNotCall: candidates.doNotCall,
      doNotCallReason: candidates.doNotCallReason,
      doNotCallAt: candidates.doNotCallAt,
      doNotCallBy: candidates.doNotCallBy,
      lastCallbackAt: candidates.lastCallbackAt,
    })
    .from(candidates)
    .where(eq(candidates.id, id))
    .get();
}

function selectReschedulingSlots(db: Db, id: number) {
  return db
    .select({ id: interviewSlots.id, startsAt: interviewSlots.startsAt })
    .from(candidateReschedulingSlots)
    .innerJoin(interviewSlots, eq(interviewSlots.id, candidateReschedulingSlots.slotId))
    .where(eq(candidateReschedulingSlots.candidateId, id))
    .orderBy(asc(interviewSlots.startsAt))
    .all();
}

/** The most audit entries the page shows; GET /api/audit?candidateId= has them all. */
const HISTORY_SHOWN = 200;

/** The audit trail of one candidate, newest first. */
function selectHistory(db: Db, id: number) {
  return db
    .select({
      id: statusChanges.id,
      at: statusChanges.at,
      fromStatus: statusChanges.fromStatus,
      toStatus: statusChanges.toStatus,
      fromInterviewAt: statusChanges.fromInterviewAt,
      toInterviewAt: statusChanges.toInterviewAt,
      source: statusChanges.source,
      actor: statusChanges.actor,
      reason: statusChanges.reason,
    })
    .from(statusChanges)
    .where(eq(statusChanges.candidateId, id))
    .orderBy(desc(statusChanges.id))
    .limit(HISTORY_SHOWN)
    .all();
}

const countHistory = (db: Db, id: number) =>
  db.select({ n: count() }).from(statusChanges).where(eq(statusChanges.candidateId, id)).get()?.n ?? 0;

/**
 * Everything the candidate page shows, read for one actor: admin-only parts (raw webhook bodies, the slot pool)
 * are left out for anyone whose role may not see them. Null when there is no such candidate.
 */
export function loadCandidatePage(db: Db, actor: Actor, id: number) {
  if (!can(actor.role, "candidates:read")) throw new ApiError("forbidden", `The ${actor.role} role may not do this.`);
  const profile = selectProfile(db, id);
  if (!profile) return null;
  const allowed = {
    edit: can(actor.role, "candidates:write"),
    call: can(actor.role, "calls:place"),
    override: can(actor.role, "candidates:override"),
    reset: can(actor.role, "candidates:reset"),
    delete: can(actor.role, "candidates:delete"),
    manageSlots: can(actor.role, "slots:manage"),
    inspectWebhooks: can(actor.role, "webhooks:inspect"),
  };
  return {
    profile,
    reschedulingSlots: selectReschedulingSlots(db, id),
    slotPool: allowed.manageSlots ? listSlots(db) : null,
    calls: loadCallTimeline(db, id, { withRawBodies: allowed.inspectWebhooks }),
    callsTotal: countCalls(db, id),
    history: selectHistory(db, id),
    historyTotal: countHistory(db, id),
    allowed,
  };
}

export type CandidatePage = NonNullable<ReturnType<typeof loadCandidatePage>>;
