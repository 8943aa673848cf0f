"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cancelBatch, createBatch, createBatchInput } from "@/lib/batches/batches";
import { fieldErrorsOf, formAction, formCheckbox, formList } from "@/lib/http/form-action";

const number = (fallback: number) =>
  z.preprocess((value) => (value === undefined || String(value).trim() === "" ? fallback : Number(value)), z.number());

const batchForm = z.object({
  candidateIds: formList(z.coerce.number().int().positive()),
  allPending: formCheckbox,
  concurrency: number(3),
  pacingSeconds: number(1),
  // Empty: the configured retries (CALL_RETRIES); a number overrides them for this batch.
  retries: z.preprocess(
    (value) => (value === undefined || String(value).trim() === "" ? undefined : value),
    z.coerce.number().optional(),
  ),
});

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

export const cancelBatchAction = formAction(
  "calls:place",
  z.object({ batchId: z.coerce.number().int().positive() }),
  ({ batchId }) => {
    cancelBatch(getDb(), batchId);
    return { ok: true, message: "Batch cancelled: no further calls will start." };
  },
);
