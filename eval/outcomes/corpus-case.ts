import type { CallOutcome } from "@/db/values";
import type { CallShape } from "./bolna-body";

/**
 * One labelled call of the outcome corpus: a finished Bolna call and what a recruiter reading it would agree it
 * means. `person` says whether a person must decide (someone else answered, the words and the extraction disagree,
 * Bolna was unsure, the agent's analysis is missing…); a case that is not `person` is clear, and Callboard should
 * apply it by itself. For a reschedule, `at` is the new interview time the recruiter reads in the call.
 */
type Label = { outcome: CallOutcome; person: boolean; at?: string; doNotCall?: boolean };

type CandidateSetup = {
  /** E.164; each case gets a unique Indian mobile unless it needs a number from elsewhere. */
  phone?: string;
  /** The candidate's own zone as stored; null: unknown (read from the phone, else INTERVIEW_TIMEZONE). */
  timeZone?: string | null;
};

/** The label of a call in which the candidate asks never to be called again (lib/calls/stop-calling-request.ts). */
export const askingNotToBeCalled = (label: Label): Label => ({ ...label, doNotCall: true });

export type CorpusCase = {
  /** Unique across the corpus: family/short-name. */
  id: string;
  call: CallShape;
  label: Label;
  candidate?: CandidateSetup;
};

type CaseInput = Omit<CorpusCase, "id"> & { name: string };

/** A family of cases (one file under eval/outcomes/cases/), each id prefixed by the family. */
export function family(name: string, cases: CaseInput[]): CorpusCase[] {
  return cases.map(({ name: short, ...rest }) => ({ id: `${name}/${short}`, ...rest }));
}

/** Clear: Callboard should apply it at once. */
export const clear = (outcome: CallOutcome, at?: string): Label => ({ outcome, person: false, ...(at ? { at } : {}) });
/** A person must decide; `outcome` is what they would settle on. */
export const person = (outcome: CallOutcome, at?: string): Label => ({ outcome, person: true, ...(at ? { at } : {}) });

// The prototype agent's extraction (reference §3).
const slot = (date: string, time: string) => ({ date, time, day_of_week: "" });
const ORIGINAL = slot("2031-03-03", "11:00 AM");
export const accepted = (notes = "Candidate confirmed the original slot.") => ({
  call_outcome: "ACCEPTED",
  original_slot: ORIGINAL,
  final_slot: ORIGINAL,
  notes,
});
export const rejected = (notes = "Candidate declined the interview.") => ({
  call_outcome: "REJECTED",
  original_slot: ORIGINAL,
  final_slot: null,
  notes,
});
export const movedTo = (date: string, time: string, notes = "Candidate chose another slot.") => ({
  call_outcome: "RESCHEDULED",
  original_slot: ORIGINAL,
  final_slot: slot(date, time),
  notes,
});
export const movedWithoutSlot = (finalSlot: unknown = null, notes = "Candidate asked for another time.") => ({
  call_outcome: "RESCHEDULED",
  original_slot: ORIGINAL,
  final_slot: finalSlot,
  notes,
});

/** A Bolna disposition (reference §7): `extracted_data[category][name] = {objective, confidence, …}`. */
export const disposition = (objective: string, extra: Record<string, unknown> = {}) => ({
  interview: {
    interview_outcome: {
      objective,
      subjective: null,
      confidence: null,
      confidence_label: null,
      reasoning: null,
      ...extra,
    },
  },
});
