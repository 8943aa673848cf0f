import { z } from "zod";
import { formCheckbox, formId, formList } from "@/lib/http/form-fields";

const number = (fallback: number) =>
  z.preprocess((value) => (value === undefined || String(value).trim() === "" ? fallback : Number(value)), z.number());

/** The new-batch form as sent: seconds and "retries", which app/(app)/batches/actions.ts turns into createBatchInput. */
export const batchForm = z.object({
  candidateIds: formList(formId),
  allPending: formCheckbox,
  concurrency: number(3),
  pacingSeconds: number(1),
  // Empty: the configured retries (CALL_RETRIES); a number overrides them for this batch.
  retries: z.preprocess(
    (value) => (value === undefined || String(value).trim() === "" ? undefined : value),
    z.coerce.number().optional(),
  ),
});

export const batchIdForm = z.object({ batchId: formId });
