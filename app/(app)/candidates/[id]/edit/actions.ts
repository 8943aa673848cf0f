"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { candidateFormInput, candidateFromForm } from "@/lib/candidates/candidate-form";
import { editCandidate } from "@/lib/candidates/edit-candidate";
import { env } from "@/lib/env";
import { formAction } from "@/lib/http/form-action";

const editInput = candidateFormInput.extend({ candidateId: z.coerce.number().int().positive() });

export const saveCandidate = formAction("candidates:write", editInput, (form, { actor }) => {
  const config = { defaultCountry: env().DEFAULT_COUNTRY, timezone: env().INTERVIEW_TIMEZONE };
  const read = candidateFromForm(form, config, new Date());
  if (!read.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: read.fieldErrors };
  editCandidate(getDb(), form.candidateId, read.input, config, actor);
  revalidatePath("/");
  revalidatePath(`/candidates/${form.candidateId}`);
  redirect(`/candidates/${form.candidateId}`);
});
