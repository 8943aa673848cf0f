import type { CandidateStatus } from "@/db/values";

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  pending: "Pending",
  calling: "Calling",
  confirmed: "Confirmed",
  declined: "Declined",
  rescheduled: "Rescheduled",
  no_answer: "No answer",
};
