import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { calls, candidates, type Call, type Candidate } from "@/db/schema";
import { recordStatusChangeOn } from "@/lib/audit/record-status-change";
import { inviteSequenceAfter } from "@/lib/candidates/save-candidate";
import { queueCandidateMessage } from "@/lib/mail/queue-message";
import { slotHasRoom } from "@/lib/slots/slot-capacity";
import type { NextAttempt } from "./next-attempt";
import type { Outcome } from "./outcome";
import { callVerdict } from "./call-verdict";

type CallUpdate = {
  candidate: Candidate;
  call: Call;
  outcome: Outcome | null;
  /** When Bolna dials again (a scheduled call, a pending retry), with the words the board shows for it. */
  waiting: (NextAttempt & { reason: string }) | null;
  /** When Bolna says the event happened: a person's manual decision after it wins. */
  eventAt: Date;
  now: Date;
  source: "webhook" | "reconcile" | "sweep";
};

const CANDIDATE_UPDATE = [
  "latestCallId",
  "callStatus",
  "latestCallUnclear",
  "lastCallAt",
  "updatedAt",
  "status",
  "statusReason",
  "statusChangedAt",
  "originalInterviewAt",
  "interviewAt",
  "requestedInterviewAt",
  "nextAttemptAt",
  "nextAttemptNumber",
  "lastCallbackAt",
  "inviteSequence",
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
  const { candidate, call, now, waiting } = update;
  if (!isLatestCall(db, candidate, call)) return candidate;

  const next: Candidate = {
    ...candidate,
    latestCallId: call.id,
    callStatus: call.status,
    latestCallUnclear: call.outcome === "pending" && (call.conversationSeconds ?? 0) > 0,
    lastCallAt: placedAt(call),
    nextAttemptAt: waiting?.at ?? null,
    nextAttemptNumber: waiting?.number ?? null,
    lastCallbackAt: call.direction === "inbound" ? placedAt(call) : candidate.lastCallbackAt,
    updatedAt: now,
  };
  // Reminder calls, call-backs and calls the agent booked on decide less than a plain call (./call-verdict.ts).
  const outcome = callVerdict(candidate, call, update.outcome);
  const overriddenByPerson = candidate.manualStatusAt !== null && update.eventAt <= candidate.manualStatusAt;
  const decides = !overriddenByPerson && outcome !== undefined;
  if (decides) {
    next.status = outcome?.outcome ?? "calling";
    next.statusReason = outcome?.reason ?? waiting?.reason ?? `Call ${call.status ?? "in progress"}`;
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
  // "Still coming" changes no status, but it is an answer the timeline must show once.
  const reconfirmed = decides && call.purpose === "reconfirmation" && next.statusReason !== candidate.statusReason;
  if (statusChanged) next.statusChangedAt = now;
  next.inviteSequence = inviteSequenceAfter(candidate, next);

  statements(db).updateCandidate.run(next);
  if (statusChanged || interviewChanged || reconfirmed) {
    recordStatusChangeOn(db, {
      candidateId: candidate.id,
      candidateName: candidate.name,
      fromStatus: candidate.status,
      toStatus: next.status,
      fromInterviewAt: interviewChanged ? candidate.interviewAt : null,
      toInterviewAt: interviewChanged ? next.interviewAt : null,
      source: update.source,
      actor: update.source === "webhook" ? "bolna" : `bolna (${update.source})`,
      reason: next.statusReason,
      executionId: call.executionId,
      at: now,
    });
    queueCandidateMessage(db, candidate, next, now);
  }
  return next;
}
