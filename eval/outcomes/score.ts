import { CALL_OUTCOMES, type CallOutcome } from "@/db/values";
import type { CaseResult } from "./run-corpus";

/** Outcomes that change what the candidate is told (a confirmation, a cancellation, a moved interview). */
const DECISIVE = new Set<string>(["confirmed", "declined", "rescheduled"]);
/** At least this share of the cases labelled clear must be applied without a person. */
export const MIN_CLEAR_APPLIED = 0.95;

type OutcomeScore = {
  outcome: CallOutcome;
  labelled: number;
  proposed: number;
  agreed: number;
  precision: number | null;
  recall: number | null;
};

type Disagreement = { result: CaseResult; problems: string[] };

export type Score = {
  total: number;
  outcomes: OutcomeScore[];
  clear: number;
  clearApplied: number;
  appliedAtOnce: number;
  /** Gate: a confirmation, decline or reschedule applied by itself that the label says is wrong. */
  wrongApplied: CaseResult[];
  /** Gate: a message queued while the outcome waits for a person. */
  sentWhileHeld: CaseResult[];
  disagreements: Disagreement[];
};

const sameTime = (a: Date, iso: string) => a.getTime() === new Date(iso).getTime();

function slotAgrees(result: CaseResult): boolean {
  const at = result.case.label.at;
  return at === undefined || sameTime(result.interviewAt, at);
}

function problemsOf(result: CaseResult): string[] {
  const { label } = result.case;
  const problems: string[] = [];
  if (result.proposed !== label.outcome) problems.push(`proposed ${result.proposed}, label ${label.outcome}`);
  else if (!slotAgrees(result)) problems.push(`new time ${result.interviewAt.toISOString()}, label ${label.at}`);
  if (label.person && !result.held && DECISIVE.has(result.applied)) problems.push("applied what a person should decide");
  if (!label.person && result.held) problems.push("held for review, though clear");
  if (result.held && result.messages.length > 0) problems.push(`sent ${result.messages.join(", ")} while held`);
  return problems;
}

export function scoreCorpus(results: CaseResult[]): Score {
  const outcomes = CALL_OUTCOMES.map((outcome): OutcomeScore => {
    const labelled = results.filter((result) => result.case.label.outcome === outcome).length;
    const proposed = results.filter((result) => result.proposed === outcome).length;
    const agreed = results.filter(
      (result) => result.proposed === outcome && result.case.label.outcome === outcome && slotAgrees(result),
    ).length;
    return {
      outcome,
      labelled,
      proposed,
      agreed,
      precision: proposed === 0 ? null : agreed / proposed,
      recall: labelled === 0 ? null : agreed / labelled,
    };
  });
  const clear = results.filter((result) => !result.case.label.person);
  return {
    total: results.length,
    outcomes,
    clear: clear.length,
    clearApplied: clear.filter((result) => !result.held).length,
    appliedAtOnce: results.filter((result) => !result.held).length,
    wrongApplied: results.filter(
      (result) =>
        !result.held && DECISIVE.has(result.applied) && (result.applied !== result.case.label.outcome || !slotAgrees(result)),
    ),
    sentWhileHeld: results.filter((result) => result.held && result.messages.length > 0),
    disagreements: results
      .map((result) => ({ result, problems: problemsOf(result) }))
      .filter((entry) => entry.problems.length > 0),
  };
}

/** The gates `npm test` holds the engine to; empty when they pass. */
export function gateFailures(score: Score): string[] {
  const failures: string[] = [];
  for (const result of score.wrongApplied) {
    failures.push(`${result.case.id}: applied ${result.applied} by itself; the label says ${result.case.label.outcome}`);
  }
  for (const result of score.sentWhileHeld) {
    failures.push(`${result.case.id}: sent ${result.messages.join(", ")} while the outcome waits for review`);
  }
  const share = score.clear === 0 ? 1 : score.clearApplied / score.clear;
  if (share < MIN_CLEAR_APPLIED) {
    failures.push(
      `only ${(share * 100).toFixed(1)} % of the cases labelled clear were applied at once (at least ${MIN_CLEAR_APPLIED * 100} %)`,
    );
  }
  return failures;
}
