"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { deleteCandidate } from "@/lib/candidates/delete-candidate";
import { overrideStatus, resetCandidate } from "@/lib/candidates/manual-status";
import { CANDIDATE_STATUSES } from "@/db/values";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { formAction, formList } from "@/lib/http/form-action";
import { setReschedulingSlots } from "@/lib/slots/manage-slots";

// A hidden field on the page, but a client can send any value: it is parsed like the others.
const candidateId = z.coerce.number().int().positive();

const optionalReason = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .optional()
  .transform((value) => value || null);

const overrideInput = z.object({
  candidateId,
  status: z.enum(CANDIDATE_STATUSES, { error: "Choose one of the statuses." }),
  reason: z
    .string({ error: "Give a reason: it is kept in the audit trail." })
    .trim()
    .min(1, "Give a reason: it is kept in the audit trail.")
    .max(500, "Keep the reason under 500 characters."),
});

const reasonInput = z.object({ candidateId, reason: optionalReason });

const slotsInput = z.object({
  candidateId,
  slotIds: formList(z.coerce.number().int().positive()).pipe(z.array(z.number()).max(200)),
});

function refresh(id: number) {
  revalidatePath(`/candidates/${id}`);
  revalidatePath("/");
}

export const overrideCandidateStatus = formAction("candidates:override", overrideInput, (input, { actor }) => {
  const updated = overrideStatus(getDb(), input.candidateId, input.status, input.reason, actor);
  refresh(updated.id);
  return { ok: true, message: `Status set to ${CANDIDATE_STATUS_LABELS[updated.status]}.` };
});

export const resetCandidateStatus = formAction("candidates:reset", reasonInput, (input, { actor }) => {
  const updated = resetCandidate(getDb(), input.candidateId, input.reason, actor);
  refresh(updated.id);
  return { ok: true, message: "Reset to pending with the original interview." };
});

export const deleteCandidateRecord = formAction("candidates:delete", reasonInput, (input, { actor }) => {
  deleteCandidate(getDb(), input.candidateId, input.reason, actor);
  refresh(input.candidateId);
  redirect("/");
});

export const saveReschedulingSlots = formAction("slots:manage", slotsInput, ({ candidateId: id, slotIds }) => {
  setReschedulingSlots(getDb(), id, slotIds);
  refresh(id);
  const count = new Set(slotIds).size;
  return {
    ok: true,
    message: count === 0 ? "The agent will offer no other slots." : `The agent may offer ${count} slot${count === 1 ? "" : "s"}.`,
  };
});
