import "server-only";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/http/form-action";
import { formCheckbox, formId, formList } from "@/lib/http/form-fields";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { isoInZone, readLocalTime } from "@/lib/time/zoned-input";
import { candidateDetailsInput, type CandidateDetailsInput } from "./candidate-input";
import type { CandidateConfig } from "./create-candidate";

/** The add and edit forms as sent: strings, a date-time without a zone, checkboxes. */
export const candidateFormInput = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  position: z.string().optional(),
  timeZone: z.string().optional(),
  language: z.string().optional(),
  interviewAt: z.string().trim().min(1, "Enter the date and time of the interview."),
  allowPast: formCheckbox,
  reschedulingSlotIds: formList(formId),
});
export type CandidateForm = z.infer<typeof candidateFormInput>;

/** The edit form: the add form's fields and the candidate's id. */
export const editCandidateForm = candidateFormInput.extend({ candidateId: formId });

type Read = { ok: true; input: CandidateDetailsInput } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The form's fields as the domain's input. The interview's date-time is read in the zone the form names, else
 * the phone's country's, else INTERVIEW_TIMEZONE: the zone the form's label promised. A time that has passed
 * needs the "in the past" box ticked.
 */
export function candidateFromForm(form: CandidateForm, config: CandidateConfig, now: Date): Read {
  const fieldErrors: Record<string, string> = {};
  const phone = normalizePhone(form.phone ?? "", config.defaultCountry);
  if (form.phone?.trim() && !phone) fieldErrors.phone = "Not a valid phone number";
  const zone = form.timeZone || candidateZone({ timeZone: null, phone: phone ?? "" }, config.timezone);
  const read = readLocalTime(form.interviewAt, zone);
  if (!read) fieldErrors.interviewAt = "Not a date and time.";
  else if (!read.ok) fieldErrors.interviewAt = read.message;
  else if (!form.allowPast && read.at.getTime() <= now.getTime())
    fieldErrors.interviewAt = `${formatInstant(read.at, zone)} has passed. To record a past interview, tick the box below.`;
  // Written with the zone's own offset at that instant, so that reading it again in the zone gives the same time.
  const interviewAt = read?.ok ? isoInZone(read.at, zone) : undefined;
  const parsed = candidateDetailsInput.safeParse({
    ...form,
    interviewAt,
    timeZone: form.timeZone || null,
    language: form.language || null,
  });
  const all = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...fieldErrors };
  if (parsed.success && Object.keys(all).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, fieldErrors: all };
}
