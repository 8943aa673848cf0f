"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cancelBatch, createBatch, createBatchInput } from "@/lib/batches/batches";
import { startBatchRunner, wakeBatchRunner } from "@/lib/batches/runner";
import { fieldErrorsOf, formAction, formCheckbox, formList } from "@/lib/http/form-action";

const number = (fallback: number) =>
  z.preprocess((value) => (value === undefined || String(value).trim() === "" ? fallback : Number(value)), z.number());

const batchForm = z.object({
  candidateIds: formList(z.coerce.number().int().positive()),
  allPending: formCheckbox,
  concurrency: number(3),
  pacingSeconds: number(1),
});

export const startBatch = formAction("calls:place", batchForm, (form, { actor }) => {
  const parsed = createBatchInput.safeParse({
    candidateIds: form.candidateIds,
    allPending: form.allPending,
    concurrency: form.concurrency,
    pacingMs: Math.round(form.pacingSeconds * 1000),
  });
  if (!parsed.success) {
    // The form asks for seconds; the batch keeps milliseconds.
    const { pacingMs, ...fieldErrors } = fieldErrorsOf(parsed.error);
    return {
      ok: false,
      message: "Check the highlighted fields.",
      fieldErrors: { ...fieldErrors, ...(pacingMs && { pacingSeconds: pacingMs }) },
    };
  }
  const batch = createBatch(getDb(), parsed.data, actor);
  startBatchRunner().wake();
  redirect(`/batches/${batch.id}`);
});

export const cancelBatchAction = formAction(
  "calls:place",
  z.object({ batchId: z.coerce.number().int().positive() }),
  ({ batchId }) => {
    cancelBatch(getDb(), batchId);
    wakeBatchRunner();
    return { ok: true, message: "Batch cancelled: no further calls will start." };
  },
);
