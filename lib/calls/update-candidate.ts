import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { calls, candidates, type Call, type Candidate } from "@/db/schema";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { slotHasRoom } from "@/lib/slots/slot-capacity";
import type { Outcome } from "./outcome";

type CallUpdate = {
  candidate: Candidate;
  call: Call;
  outcome: Outcome | null;
  /** When Bolna says the event happened: a person's manual decision after it wins. */
  eventAt: Date;
  now: Date;
  source: "webhook" | "reconcile";
};

const CANDIDATE_UPDATE = [
  "latestCallId",
  "callStatus",
  "lastCallAt",
  "updatedAt",
  "status",
  "statusReason",
  "statusChangedAt",
  "originalInterviewAt",
  "interviewAt",
  "requestedInterviewAt",
] as const satisfies readonly (keyof Candidate)[];

const statements = preparedFor((db) => ({
  callPlacedAt: db
    .select({ bolnaCreatedAt: calls.bolnaCreatedAt, createdAt: calls.createdAt })
    .from(calls)
    .where(eq(calls.id, sql.placeholder("id")))
    .prepare(),
  updateCandidate: db
    .update(candidates)
    .set(placeholders(candidates, CANDIDATE_UPDATE))
    .where(eq(candidates.id, sql.placeholder("id")))
    .prepare(),
}));

const placedAt = (call: Pick<Call, "bolnaCreatedAt" | "createdAt">) => call.bolnaCreatedAt ?? call.createdAt;

/** An event of an older call must never override what the candidate's newer call decided. */
function isLatestCall(db: Db, candidate: Candidate, call: Call): boolean {
  if (candidate.latestCallId === null || candidate.latestCallId === call.id) return true;
  const latest = statements(db).callPlacedAt.get({ id: candidate.latestCallId });
  return !latest || placedAt(call) > placedAt(latest);
}

/**
 * Moves the candidate to what its latest call says, writing one audit entry when anything really changed. Runs
 * inside the caller's transaction.
 */
export function updateCandidateFromCall(db: Db, update: CallUpdate): Candidate {
  const { candidate, call, outcome, now } = update;
  if (!isLatestCall(db, candidate, call)) return candidate;

  const next: Candidate = {
    ...candidate,
    latestCallId: call.id,
    callStatus: call.status,
    lastCallAt: placedAt(call),
    updatedAt: now,
  };
  const overriddenByPerson = candidate.manualStatusAt !== null && update.eventAt <= candidate.manualStatusAt;
  if (!overriddenByPerson) {
    next.status = outcome?.outcome ?? "calling";
    next.statusReason = outcome?.reason ?? `Call ${call.status ?? "in progress"}`;
    const chosen = outcome?.outcome === "rescheduled" ? outcome.newInterviewAt : undefined;
    if (chosen && chosen.getTime() !== candidate.interviewAt.getTime()) {
      if (slotHasRoom(db, chosen, candidate.id)) {
        next.originalInterviewAt = candidate.originalInterviewAt ?? candidate.interviewAt;
        next.interviewAt = chosen;
        next.requestedInterviewAt = null;
      } else {
        next.requestedInterviewAt = chosen;
        next.statusReason = `${next.statusReason}; the chosen slot is full, a recruiter must resolve it`;
      }
    }
  }
  const statusChanged = next.status !== candidate.status;
  const interviewChanged = next.interviewAt.getTime() !== candidate.interviewAt.getTime();
  if (statusChanged) next.statusChangedAt = now;

  statements(db).updateCandidate.run(next);
  if (statusChanged || interviewChanged) {
    recordStatusChange(db, {
      candidateId: candidate.id,
      candidateName: candidate.name,
      fromStatus: candidate.status,
      toStatus: next.status,
      fromInterviewAt: interviewChanged ? candidate.interviewAt : null,
      toInterviewAt: interviewChanged ? next.interviewAt : null,
      source: update.source,
      actor: update.source === "reconcile" ? "bolna (reconcile)" : "bolna",
      reason: next.statusReason,
      executionId: call.executionId,
      at: now,
    });
  }
  return next;
}
