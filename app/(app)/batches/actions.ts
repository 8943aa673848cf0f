"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { batchForm, batchIdForm } from "@/lib/batches/batch-input";
import { cancelBatch, createBatch, createBatchInput } from "@/lib/batches/batches";
import { fieldErrorsOf, formAction } from "@/lib/http/form-action";

// The form asks for seconds and "retries"; the batch keeps milliseconds and a retry setting.
const FORM_FIELD: Record<string, string> = { pacingMs: "pacingSeconds", retry: "retries" };

// The batch runner started with the server (lib/server/start-up.ts) picks the new batch up from the database.
export const startBatch = formAction("calls:place", batchForm, (form, { actor }) => {
  const parsed = createBatchInput.safeParse({
    candidateIds: form.candidateIds,
    allPending: form.allPending,
    concurrency: form.concurrency,
    pacingMs: Math.round(form.pacingSeconds * 1000),
    retry: form.retries === undefined ? undefined : { maxRetries: form.retries },
  });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => [FORM_FIELD[field] ?? field, message]),
    );
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  const batch = createBatch(getDb(), parsed.data, actor);
  redirect(`/batches/${batch.id}`);
});

export const cancelBatchAction = formAction("calls:place", batchIdForm, ({ batchId }) => {
  cancelBatch(getDb(), batchId);
  return { ok: true, message: "Batch cancelled: no further calls will start." };
});
