"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { env } from "@/lib/env";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";
import { correctionInput } from "@/lib/review/review-input";
import { acceptReview, correctReview } from "@/lib/review/resolve-review";
import { localInputToIso } from "@/lib/time/zoned-input";

function itemId(form: FormData): number | null {
  const id = Number(form.get("itemId"));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function done(name: string, status: keyof typeof CANDIDATE_STATUS_LABELS, verb: string): ActionState {
  revalidatePath("/review");
  revalidatePath("/");
  return { ok: true, message: `${verb}: ${name} is now ${CANDIDATE_STATUS_LABELS[status]}.` };
}

/**
 * A reviewer's decision on one item: `decision=accept` (or the `a` key) applies the proposed outcome; anything
 * else is a correction, the status the reviewer chose with a required reason (and for a reschedule, the new
 * time, read in INTERVIEW_TIMEZONE). Both are audited with source `review`.
 */
export async function decideReviewItem(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "candidates:write", () => {
    const id = itemId(form);
    if (id === null) return { ok: false, message: "Unknown review item." };
    if (form.get("decision") === "accept") {
      const { candidate } = acceptReview(getDb(), id, actor);
      return done(candidate.name, candidate.status, "Accepted");
    }
    const local = String(form.get("interviewAt") ?? "").trim();
    const input = correctionInput.safeParse({
      status: form.get("status"),
      reason: form.get("reason") ?? "",
      interviewAt: local ? (localInputToIso(local, env().INTERVIEW_TIMEZONE) ?? local) : null,
    });
    if (!input.success) {
      const issue = input.error.issues[0];
      const field = issue?.path.join(".") || "form";
      const message = `${field === "reason" ? "Reason" : field === "interviewAt" ? "New interview time" : "Status"} ${issue?.message ?? "is not valid"}.`;
      return { ok: false, message, fieldErrors: { [field]: message } };
    }
    const { candidate } = correctReview(getDb(), id, input.data, actor);
    return done(candidate.name, candidate.status, "Corrected");
  });
}
