import { z } from "zod";
import { CANDIDATE_STATUSES } from "./status";

const instant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with an offset" })
  .transform((value) => new Date(value));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const slotIdsInput = z.array(z.number().int().positive()).max(100);

export const createCandidateInput = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  phone: z.string().trim().min(1, "is required").max(40),
  // Forms send "" for a blank optional field.
  email: z
    .preprocess((value) => (value === "" ? null : value), z.email("must be an email address").max(254).nullish())
    .transform((value) => value ?? null),
  position: optionalText(200),
  interviewAt: instant,
  appliedAt: instant.nullish().transform((value) => value ?? null),
  reschedulingSlotIds: slotIdsInput.default([]),
});
export type CreateCandidateInput = z.infer<typeof createCandidateInput>;

export const statusOverrideInput = z.object({
  status: z.enum(CANDIDATE_STATUSES),
  reason: optionalText(500),
});

export const resetInput = z.object({ reason: optionalText(500) });

export const CANDIDATE_SORTS = ["interview", "name", "status", "updated", "lastCall"] as const;

export const candidateListQuery = z.object({
  status: z.enum(CANDIDATE_STATUSES).optional().catch(undefined),
  /** Issue #15: `to_mark`, past interviews of confirmed or rescheduled candidates whose attendance is not marked. */
  attendance: z.enum(["to_mark"]).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => value || undefined),
  sort: z.enum(CANDIDATE_SORTS).default("interview").catch("interview"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25).catch(25),
});
export type CandidateListQuery = z.infer<typeof candidateListQuery>;
