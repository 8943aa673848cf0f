import { z } from "zod";
import { LANGUAGES, CANDIDATE_STATUSES } from "@/db/values";
import { formId, formList } from "@/lib/http/form-fields";
import { timeZoneInput } from "@/lib/time/time-zones";
import { dayInput } from "./interview-dates";

const instantText = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with an offset" });
const instant = instantText.transform((value) => new Date(value));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

const slotIdsInput = z.array(z.number().int().positive()).max(100);

/** Who the candidate is; shared by creating and editing. */
export const candidateDetailsInput = z.object({
  name: z.string().trim().min(1, "is required").max(200),
  phone: z.string().trim().min(1, "is required").max(40),
  // Forms send "" for a blank optional field.
  email: z
    .preprocess((value) => (value === "" ? null : value), z.email("must be an email address").max(254).nullish())
    .transform((value) => value ?? null),
  position: optionalText(200),
  /** IANA zone; when absent, the phone's country decides (lib/time/zone-for-phone.ts). */
  timeZone: timeZoneInput,
  /** What the agent speaks and the candidate reads; absent: DEFAULT_LANGUAGE. */
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(", ")}` }).nullish(),
  /**
   * Kept as written: the domain reads it in the candidate's zone (lib/time/zoned-input.ts readOffsetTime), which
   * refuses a wall clock that zone skips.
   */
  interviewAt: instantText,
  /** An interview in the past is refused unless the client says it means it (a historical record). */
  allowPast: z.boolean().default(false),
});

/**
 * PATCH /api/candidates/{id}: any of the details; a field left out keeps its value, `null` clears an optional one.
 * Unknown fields are refused (422 naming them), so that a misspelt field is never silently ignored.
 */
export const candidatePatchInput = candidateDetailsInput
  .extend({ allowPast: z.boolean().optional() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).some((key) => key !== "allowPast"), "give at least one field to change");
export type CandidatePatch = z.infer<typeof candidatePatchInput>;

export const createCandidateInput = candidateDetailsInput.extend({
  appliedAt: instant.nullish().transform((value) => value ?? null),
  reschedulingSlotIds: slotIdsInput.default([]),
});
export type CreateCandidateInput = z.infer<typeof createCandidateInput>;
export type CandidateDetailsInput = z.infer<typeof candidateDetailsInput>;

export const statusOverrideInput = z.object({
  status: z.enum(CANDIDATE_STATUSES),
  reason: optionalText(500),
});

export const resetInput = z.object({ reason: optionalText(500) });

/** `PUT /api/candidates/{id}/do-not-call`: setting it needs a reason too, so the audit says why. */
export const doNotCallInput = z.object({
  doNotCall: z.boolean({ error: "must be true or false" }),
  reason: z.string({ error: "is required" }).trim().min(1, "is required").max(500),
});

/** `PUT /api/candidates/{id}/slots`: the slots the agent may offer this candidate instead of the interview. */
export const reschedulingSlotsInput = z.object({ slotIds: slotIdsInput });

// The candidate page's forms (app/(app)/candidates/[id]/actions.ts) and the board's "Reset all".

const optionalReason = z
  .string()
  .trim()
  .max(500, "Keep the reason under 500 characters.")
  .optional()
  .transform((value) => value || null);

export const overrideStatusForm = z.object({
  candidateId: formId,
  status: z.enum(CANDIDATE_STATUSES, { error: "Choose one of the statuses." }),
  reason: z
    .string({ error: "Give a reason: it is kept in the audit trail." })
    .trim()
    .min(1, "Give a reason: it is kept in the audit trail.")
    .max(500, "Keep the reason under 500 characters."),
});

/** Reset or delete one candidate, with an optional reason for the audit trail. */
export const candidateReasonForm = z.object({ candidateId: formId, reason: optionalReason });

export const resetAllForm = z.object({ reason: optionalReason });

export const reschedulingSlotsForm = z.object({
  candidateId: formId,
  slotIds: formList(formId).pipe(z.array(z.number()).max(200)),
});

/** The candidate page's "Do not call" / "Lift": the API's input as a form sends it. */
export const doNotCallForm = doNotCallInput.extend({
  candidateId: formId,
  doNotCall: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const CANDIDATE_SORTS = ["interview", "name", "status", "updated", "lastCall"] as const;

export const MAX_SEARCH_LENGTH = 200;

// A repeated parameter (`?q=a&q=b`) arrives as an array: the first one counts.
const firstValues = (input: unknown) =>
  typeof input === "object" && input !== null
    ? Object.fromEntries(Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]))
    : input;

export const candidateListQuery = z.preprocess(
  firstValues,
  z
    .object({
      status: z.enum(CANDIDATE_STATUSES).optional().catch(undefined),
      /** "Needs attention" (lib/candidates/attention.ts): stuck calls, flagged reschedules, past interviews, unclear outcomes. */
      attention: z
        .enum(["1", "true"])
        .optional()
        .catch(undefined)
        .transform((value) => value !== undefined),
      /** `to_mark`: past interviews of confirmed or rescheduled candidates whose attendance is not marked. */
      attendance: z.enum(["to_mark"]).optional().catch(undefined),
      q: z
        .string()
        .trim()
        .max(MAX_SEARCH_LENGTH, `a search is at most ${MAX_SEARCH_LENGTH} characters`)
        .optional()
        .transform((value) => value || undefined),
      sort: z.enum(CANDIDATE_SORTS).default("interview").catch("interview"),
      dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
      page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(25).catch(25),
      /** Interviews on or after this day, on the team's clock (INTERVIEW_TIMEZONE); lib/candidates/interview-dates.ts. */
      interviewFrom: dayInput.optional(),
      /** Interviews on or before this day, on the team's clock. */
      interviewTo: dayInput.optional(),
    })
    .refine((query) => !query.interviewFrom || !query.interviewTo || query.interviewFrom <= query.interviewTo, {
      message: "must not be before interviewFrom",
      path: ["interviewTo"],
    }),
);
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

/**
 * The board's query from its URL, which never fails: a search past MAX_SEARCH_LENGTH is cut to it (and the
 * board says so) where the API answers 422.
 */
export function boardListQuery(params: Record<string, string | string[] | undefined>): {
  query: CandidateListQuery;
  searchCut: boolean;
} {
  const q = [params.q].flat()[0]?.trim();
  const searchCut = q !== undefined && q.length > MAX_SEARCH_LENGTH;
  // Cut by UTF-16 unit, as the limit counts, without leaving half of a surrogate pair.
  const kept = searchCut ? q.slice(0, MAX_SEARCH_LENGTH).replace(/[\uD800-\uDBFF]$/, "") : q;
  // A date the board's own inputs would never send (typed into the URL) is dropped; the API answers 422 for it.
  const day = (value: unknown) => {
    const parsed = dayInput.safeParse([value].flat()[0]);
    return parsed.success ? parsed.data : undefined;
  };
  let [interviewFrom, interviewTo] = [day(params.interviewFrom), day(params.interviewTo)];
  if (interviewFrom && interviewTo && interviewFrom > interviewTo) [interviewFrom, interviewTo] = [interviewTo, interviewFrom];
  return { query: candidateListQuery.parse({ ...params, q: kept, interviewFrom, interviewTo }), searchCut };
}
