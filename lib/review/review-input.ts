import { z } from "zod";
import { CANDIDATE_STATUSES } from "@/db/values";
import { formId } from "@/lib/http/form-fields";

const reason = z
  .string({ error: "is required: it is kept in the audit trail" })
  .trim()
  .min(1, "is required: it is kept in the audit trail")
  .max(500, "must be under 500 characters");

/** A reviewer's correction: any status but `calling` (that is Bolna's to set), a reason, and for a reschedule the new time. */
export const correctionInput = z
  .object({
    status: z.enum(CANDIDATE_STATUSES).exclude(["calling"]),
    reason,
    interviewAt: z.iso
      .datetime({ offset: true, message: "must be an ISO 8601 date-time with an offset" })
      .transform((value) => new Date(value))
      .nullish()
      .transform((value) => value ?? null),
  })
  .refine((input) => input.interviewAt === null || input.status === "rescheduled", {
    message: "is only for a reschedule",
    path: ["interviewAt"],
  });
export type CorrectionInput = z.infer<typeof correctionInput>;

/** The review page's form as sent: the correction is read from it in the candidate's zone (app/(app)/review/actions.ts). */
export const reviewDecisionForm = z.object({
  itemId: formId,
  decision: z.string().optional(),
  status: z.string().optional(),
  reason: z.string().optional(),
  interviewAt: z.string().optional(),
});

/** Each listed item carries its transcript, so a page of the list is capped at 100. */
export const reviewListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(100).catch(100),
});
