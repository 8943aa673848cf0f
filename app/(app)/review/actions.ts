"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { env } from "@/lib/env";
import type { ActionState } from "@/lib/http/action-state";
import { formAction } from "@/lib/http/form-action";
import { correctionInput, reviewDecisionForm } from "@/lib/review/review-input";
import { acceptReview, correctReview } from "@/lib/review/resolve-review";
import { readQueuedReview } from "@/lib/review/list-reviews";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { isoInZone, readLocalTime } from "@/lib/time/zoned-input";

function done(name: string, status: keyof typeof CANDIDATE_STATUS_LABELS, verb: string): ActionState {
  revalidatePath("/review");
  revalidatePath("/");
  return { ok: true, message: `${verb}: ${name} is now ${CANDIDATE_STATUS_LABELS[status]}.` };
}

const FIELD_NAMES: Record<string, string> = { reason: "Reason", interviewAt: "New interview time", status: "Status" };

/**
 * A reviewer's decision on one item: `decision=accept` (or the `a` key) applies the proposed outcome; anything
 * else is a correction, the status the reviewer chose with a required reason (and for a reschedule, the new
 * time, read in the candidate's zone, as the form's label says). Both are audited with source `review`.
 */
export const decideReviewItem = formAction("candidates:write", reviewDecisionForm, (form, { actor }) => {
  if (form.decision === "accept") {
    const { candidate } = acceptReview(getDb(), form.itemId, actor);
    return done(candidate.name, candidate.status, "Accepted");
  }
  const local = (form.interviewAt ?? "").trim();
  const entry = readQueuedReview(getDb(), form.itemId);
  const zone = entry ? candidateZone(entry.candidate, env().INTERVIEW_TIMEZONE) : env().INTERVIEW_TIMEZONE;
  const read = local ? readLocalTime(local, zone) : null;
  if (local && !read?.ok) {
    const message = `New interview time: ${read ? read.message : "not a date and time."}`;
    return { ok: false, message, fieldErrors: { interviewAt: message } };
  }
  const input = correctionInput.safeParse({
    status: form.status,
    reason: form.reason ?? "",
    interviewAt: read?.ok ? isoInZone(read.at, zone) : null,
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const field = String(issue?.path[0] ?? "status");
    const message = `${FIELD_NAMES[field] ?? "Status"} ${issue?.message ?? "is not valid"}.`;
    return { ok: false, message, fieldErrors: { [field]: message } };
  }
  const { candidate } = correctReview(getDb(), form.itemId, input.data, actor);
  return done(candidate.name, candidate.status, "Corrected");
});
