import { z } from "zod";
import { formId } from "@/lib/http/form-fields";

/** `POST /api/self-service/{token}`: the candidate confirms, or moves the interview to a free slot. */
export const selfServiceActionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("confirm") }),
  z.object({ action: z.literal("reschedule"), slotId: z.number().int().positive() }),
]);

/** The candidate page's "New link" or "Revoke" (the button's `intent`). */
export const selfServiceLinkForm = z.object({
  candidateId: formId,
  intent: z.enum(["create", "revoke"]).default("create"),
});
