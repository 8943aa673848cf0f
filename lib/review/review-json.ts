import type { ReviewQueueItem } from "./list-reviews";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** A review item as the API spells it (docs/api.md, "Trust and insight"). */
export function reviewItemJson({ item, candidate, call: { evidence, ...call } }: ReviewQueueItem) {
  return {
    id: item.id,
    state: item.state,
    candidate: { ...candidate, interviewAt: iso(candidate.interviewAt) },
    call: { ...call, placedAt: iso(call.placedAt) },
    proposed: { status: item.proposedStatus, reason: item.proposedReason, interviewAt: iso(item.proposedInterviewAt) },
    confidence: item.confidence,
    confidenceLabel: item.confidenceLabel,
    doubt: item.doubt,
    evidence: evidence ?? [],
    createdAt: iso(item.createdAt),
    updatedAt: iso(item.updatedAt),
    resolvedAt: iso(item.resolvedAt),
    resolvedBy: item.resolvedBy,
    resolvedStatus: item.resolvedStatus,
    resolutionReason: item.resolutionReason,
  };
}
