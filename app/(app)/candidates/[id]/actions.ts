"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { deleteCandidate } from "@/lib/candidates/delete-candidate";
import { overrideStatus, resetCandidate } from "@/lib/candidates/manual-status";
import { CANDIDATE_STATUSES } from "@/lib/candidates/status";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";
import { setReschedulingSlots } from "@/lib/slots/manage-slots";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";

// Bound on the page, but a client can send any value: it is parsed like the form fields.
const candidateId = z.number().int().positive();

const optionalReason = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .transform((value) => value || null);

const overrideInput = z.object({
  status: z.enum(CANDIDATE_STATUSES, { error: "Choose one of the statuses." }),
  reason: z
    .string()
    .trim()
    .min(1, "Give a reason: it is kept in the audit trail.")
    .max(500, "Keep the reason under 500 characters."),
});

const slotsInput = z.array(z.coerce.number().int().positive()).max(200);

/** A form's bad input as the dialog's message (it shows one line), with the field it belongs to. */
function invalid(error: z.ZodError): ActionState {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || "form";
  return { ok: false, message: issue?.message ?? "The form is not valid.", fieldErrors: { [field]: issue?.message ?? "" } };
}

function refresh(id: number) {
  revalidatePath(`/candidates/${id}`);
  revalidatePath("/");
}

export async function overrideCandidateStatus(id: number, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "candidates:override", () => {
    const input = overrideInput.safeParse({ status: form.get("status"), reason: form.get("reason") ?? "" });
    if (!input.success) return invalid(input.error);
    const updated = overrideStatus(getDb(), candidateId.parse(id), input.data.status, input.data.reason, actor);
    refresh(updated.id);
    return { ok: true, message: `Status set to ${CANDIDATE_STATUS_LABELS[updated.status]}.` };
  });
}

export async function resetCandidateStatus(id: number, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "candidates:reset", () => {
    const reason = optionalReason.safeParse(form.get("reason") ?? "");
    if (!reason.success) return invalid(reason.error);
    const updated = resetCandidate(getDb(), candidateId.parse(id), reason.data, actor);
    refresh(updated.id);
    return { ok: true, message: "Reset to pending with the original interview." };
  });
}

export async function deleteCandidateRecord(id: number, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  const result = await runAction(actor, "candidates:delete", () => {
    const reason = optionalReason.safeParse(form.get("reason") ?? "");
    if (!reason.success) return invalid(reason.error);
    deleteCandidate(getDb(), candidateId.parse(id), reason.data, actor);
    refresh(id);
    return { ok: true };
  });
  // Outside runAction: redirect() throws, and runAction would report that as a failure.
  if (result.ok) redirect("/");
  return result;
}

export async function saveReschedulingSlots(id: number, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "slots:manage", () => {
    const slotIds = slotsInput.safeParse(form.getAll("slotIds"));
    if (!slotIds.success) return invalid(slotIds.error);
    setReschedulingSlots(getDb(), candidateId.parse(id), slotIds.data);
    refresh(id);
    const count = new Set(slotIds.data).size;
    return {
      ok: true,
      message:
        count === 0 ? "The agent will offer no other slots." : `The agent may offer ${count} slot${count === 1 ? "" : "s"}.`,
    };
  });
}
