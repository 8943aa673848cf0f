import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, type Call, type Candidate } from "@/db/schema";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { slotHasRoom } from "@/lib/slots/slot-capacity";
import type { Outcome } from "./derive-outcome";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type CallUpdate = {
  candidate: Candidate;
  call: Call;
  outcome: Outcome | null;
  /** When Bolna says the event happened: a person's manual decision after it wins. */
  eventAt: Date;
  now: Date;
  source: "webhook" | "reconcile";
};

const placedAt = (call: Pick<Call, "bolnaCreatedAt" | "createdAt">) => call.bolnaCreatedAt ?? call.createdAt;

/** An event of an older call must never override what the candidate's newer call decided. */
function isLatestCall(tx: Tx, candidate: Candidate, call: Call): boolean {
  if (candidate.latestCallId === null || candidate.latestCallId === call.id) return true;
  const latest = tx
    .select({ bolnaCreatedAt: calls.bolnaCreatedAt, createdAt: calls.createdAt })
    .from(calls)
    .where(eq(calls.id, candidate.latestCallId))
    .get();
  return !latest || placedAt(call) > placedAt(latest);
}

/** Moves the candidate to what its latest call says, writing one audit entry when anything really changed. */
export function updateCandidateFromCall(tx: Tx, update: CallUpdate): Candidate {
  const { candidate, call, outcome, now } = update;
  if (!isLatestCall(tx, candidate, call)) return candidate;

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
      if (slotHasRoom(tx, chosen, candidate.id)) {
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

  tx.update(candidates).set(next).where(eq(candidates.id, candidate.id)).run();
  if (statusChanged || interviewChanged) {
    recordStatusChange(tx, {
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
