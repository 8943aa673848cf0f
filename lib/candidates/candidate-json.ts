import type { Call, Candidate, StatusChange } from "@/db/schema";

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
    answeredByVoicemail: call.answeredByVoicemail,
    confidence: call.confidence,
    confidenceLabel: call.confidenceLabel,
    confidenceEvidence: call.confidenceEvidence,
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
