import type { CallOutcome } from "@/db/values";

/** What a finished call means for the candidate (lib/calls/derive-outcome.ts decides it). */
export type Outcome = {
  outcome: CallOutcome;
  reason: string;
  /** For `rescheduled`: the slot the candidate chose, when it could be read. */
  newInterviewAt?: Date;
};
