"use server";

import { getDb } from "@/db/client";
import { callCandidateForm, callExecutionForm } from "@/lib/calls/call-input";
import { callNow } from "@/lib/calls/call-now";
import { checkWithBolna } from "@/lib/calls/check-with-bolna";
import { endCallNow } from "@/lib/calls/end-call-now";
import { callStatusWords } from "@/lib/candidates/candidate-situation";
import { formAction } from "@/lib/http/form-action";

/**
 * "Call now" from a board row or the candidate page. No success message: the row turns "Calling" through the
 * change feed, and a line saying so would outlive the call.
 */
export const callCandidateNow = formAction("calls:place", callCandidateForm, async ({ candidateId, allowPast }, { actor }) => {
  await callNow(getDb(), candidateId, actor, allowPast);
  return { ok: true };
});

/** "Check with Bolna" for one call. */
export const reconcileCallNow = formAction("calls:place", callExecutionForm, async ({ executionId }) => {
  const { result } = await checkWithBolna(getDb(), executionId);
  const status = callStatusWords(result.bolnaStatus).toLowerCase();
  return {
    ok: true,
    message: result.result === "applied" ? `Updated: Bolna reports ${status}.` : `Already up to date: Bolna reports ${status}.`,
  };
});

/** "End call" for a call Bolna has gone quiet about (lib/calls/end-unknown-call.ts). */
export const endStuckCall = formAction("calls:place", callExecutionForm, async ({ executionId }, { actor }) => {
  const { message } = await endCallNow(getDb(), executionId, actor);
  return { ok: true, message };
});
