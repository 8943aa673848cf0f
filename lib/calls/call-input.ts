import { z } from "zod";
import { formCheckbox, formId } from "@/lib/http/form-fields";

/** `POST /api/candidates/{id}/call`, optional body: `{"allowPast": true}` calls about an interview that has passed (otherwise 409 interview_passed). */
export const callNowInput = z.object({ allowPast: z.boolean().default(false) });

/** "Call now" from a board row or the candidate page. */
export const callCandidateForm = z.object({
  candidateId: formId,
  // Ticked by the dialog that told the person the interview has passed.
  allowPast: formCheckbox,
});

/** "Check with Bolna" and "End call": one call, by its execution id. */
export const callExecutionForm = z.object({ executionId: z.string().trim().min(1, "Unknown call.").max(200) });

/** "Stop" for a call Bolna has scheduled but not placed. */
export const scheduledCallForm = z.object({ executionId: z.string().trim().min(1).max(200) });
