import type { Call, Candidate, StatusChange } from "@/db/schema";
import { env } from "@/lib/env";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { candidateZone, zoneAssumed } from "@/lib/time/zone-for-phone";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Candidate as the HTTP contract spells it. */
export function candidateJson(candidate: Candidate) {
  return {
    id: candidate.id,
    name: candidate.name,
    phone: candidate.phone,
    email: candidate.email,
    position: candidate.position,
    status: candidate.status,
    statusReason: candidate.statusReason,
    // The state table's row that set the status (lib/candidates/state-table.ts): `needs_reconfirmation`, ….
    statusEvent: candidate.statusEvent,
    interviewAt: iso(candidate.interviewAt),
    originalInterviewAt: iso(candidate.originalInterviewAt),
    requestedInterviewAt: iso(candidate.requestedInterviewAt),
    appliedAt: iso(candidate.appliedAt),
    callStatus: candidate.callStatus,
    lastCallAt: iso(candidate.lastCallAt),
    attendance: candidate.attendance,
    attendanceReason: candidate.attendanceReason,
    attendanceMarkedAt: iso(candidate.attendanceMarkedAt),
    attendanceMarkedBy: candidate.attendanceMarkedBy,
    createdAt: iso(candidate.createdAt),
    updatedAt: iso(candidate.updatedAt),
    // The candidate's zone (stored, or from the phone, else INTERVIEW_TIMEZONE: assumed), and when Bolna dials next.
    timeZone: candidateZone(candidate, env().INTERVIEW_TIMEZONE),
    timeZoneAssumed: zoneAssumed(candidate),
    nextAttemptAt: iso(candidate.nextAttemptAt),
    nextAttemptNumber: candidate.nextAttemptNumber,
    inviteSequence: candidate.inviteSequence,
    // The agent on the line: the candidate's language, and whether they may be called at all.
    language: candidateLanguage(candidate),
    doNotCall: candidate.doNotCall,
    doNotCallReason: candidate.doNotCallReason,
    doNotCallAt: iso(candidate.doNotCallAt),
    doNotCallBy: candidate.doNotCallBy,
    lastCallbackAt: iso(candidate.lastCallbackAt),
  };
}

export function callJson(call: Call) {
  return {
    executionId: call.executionId,
    status: call.status,
    outcome: call.outcome,
    outcomeReason: call.outcomeReason,
    transcript: call.transcript,
    summary: call.summary,
    recordingUrl: call.recordingUrl,
    durationSeconds: call.durationSeconds,
    conversationSeconds: call.conversationSeconds,
    totalCost: call.totalCost,
    hangupBy: call.hangupBy,
    hangupReason: call.hangupReason,
    errorMessage: call.errorMessage,
    extractedData: call.extractedData,
    // Why the call was placed, which attempt it shows, and the retries around it.
    purpose: call.purpose,
    attempt: call.attempt,
    answeredByVoicemail: call.answeredByVoicemail,
    retryHistory: call.retryHistory,
    scheduledAt: iso(call.scheduledAt),
    nextAttemptAt: iso(call.nextAttemptAt),
    // How sure the outcome is, and why.
    confidence: call.confidence,
    confidenceLabel: call.confidenceLabel,
    confidenceEvidence: call.confidenceEvidence,
    // The agent on the line: a call-back, a slot the agent booked during the call, a transfer to a person.
    direction: call.direction,
    agentBookedAt: iso(call.agentBookedAt),
    agentBookedInterviewAt: iso(call.agentBookedInterviewAt),
    transferredAt: iso(call.transferredAt),
    transferredTo: call.transferredTo,
    createdAt: iso(call.bolnaCreatedAt ?? call.createdAt),
    updatedAt: iso(call.updatedAt),
  };
}

export function statusChangeJson(change: StatusChange) {
  return {
    id: change.id,
    candidateId: change.candidateId,
    candidateName: change.candidateName,
    from: change.fromStatus,
    to: change.toStatus,
    fromInterviewAt: iso(change.fromInterviewAt),
    toInterviewAt: iso(change.toInterviewAt),
    source: change.source,
    actor: change.actor,
    reason: change.reason,
    executionId: change.executionId,
    at: iso(change.at),
  };
}
