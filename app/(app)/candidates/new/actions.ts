"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { candidateFormInput, candidateFromForm } from "@/lib/candidates/candidate-form";
import { createCandidate } from "@/lib/candidates/create-candidate";
import { env } from "@/lib/env";
import { formAction } from "@/lib/http/form-action";

export const addCandidate = formAction("candidates:write", candidateFormInput, (form, { actor }) => {
  const config = { defaultCountry: env().DEFAULT_COUNTRY, timezone: env().INTERVIEW_TIMEZONE };
  const read = candidateFromForm(form, config, new Date());
  if (!read.ok) return { ok: false, message: "Check the highlighted fields.", fieldErrors: read.fieldErrors };
  const created = createCandidate(
    getDb(),
    { ...read.input, appliedAt: null, reschedulingSlotIds: form.reschedulingSlotIds },
    config,
    actor,
  );
  redirect(`/candidates/${created.id}`);
});
