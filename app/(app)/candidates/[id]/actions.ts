"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { candidateReasonForm, overrideStatusForm, reschedulingSlotsForm } from "@/lib/candidates/candidate-input";
import { deleteCandidate } from "@/lib/candidates/delete-candidate";
import { overrideStatus, resetCandidate } from "@/lib/candidates/manual-status";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { formAction } from "@/lib/http/form-action";
import { setReschedulingSlots } from "@/lib/slots/manage-slots";

function refresh(id: number) {
  revalidatePath(`/candidates/${id}`);
  revalidatePath("/");
}

export const overrideCandidateStatus = formAction("candidates:override", overrideStatusForm, (input, { actor }) => {
  const updated = overrideStatus(getDb(), input.candidateId, input.status, input.reason, actor);
  refresh(updated.id);
  return { ok: true, message: `Status set to ${CANDIDATE_STATUS_LABELS[updated.status]}.` };
});

export const resetCandidateStatus = formAction("candidates:reset", candidateReasonForm, (input, { actor }) => {
  const updated = resetCandidate(getDb(), input.candidateId, input.reason, actor);
  refresh(updated.id);
  return { ok: true, message: "Reset to pending with the original interview." };
});

export const deleteCandidateRecord = formAction("candidates:delete", candidateReasonForm, (input, { actor }) => {
  deleteCandidate(getDb(), input.candidateId, input.reason, actor);
  refresh(input.candidateId);
  redirect("/");
});

export const saveReschedulingSlots = formAction("slots:manage", reschedulingSlotsForm, ({ candidateId: id, slotIds }) => {
  setReschedulingSlots(getDb(), id, slotIds);
  refresh(id);
  const count = new Set(slotIds).size;
  return {
    ok: true,
    message: count === 0 ? "The agent will offer no other slots." : `The agent may offer ${count} slot${count === 1 ? "" : "s"}.`,
  };
});
