"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { candidateFromForm, editCandidateForm } from "@/lib/candidates/candidate-form";
import { editCandidate } from "@/lib/candidates/edit-candidate";
import { env } from "@/lib/env";
import { formAction } from "@/lib/http/form-action";

export const saveCandidate = formAction("candidates:write", editCandidateForm, (form, { actor }) => {
  const config = { defaultCountry: env().DEFAULT_COUNTRY, timezone: env().INTERVIEW_TIMEZONE };
  const read = candidateFromForm(form, config, new Date());
  if (!read.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: read.fieldErrors };
  editCandidate(getDb(), form.candidateId, read.input, config, actor);
  revalidatePath("/");
  revalidatePath(`/candidates/${form.candidateId}`);
  redirect(`/candidates/${form.candidateId}`);
});
