import { z } from "zod";
import { RETRYABLE_STATUSES } from "@/db/values";
import { parseBolnaTime, type BolnaInstant } from "@/lib/time/bolna-time";

const E164 = /^\+[1-9]\d{6,14}$/;
const WITH_OFFSET = /[+-]\d{2}:?\d{2}$/;
/** Bolna refuses to schedule a call less than this far ahead. */
const MIN_SCHEDULE_AHEAD_MS = 2 * 60_000;

// Bolna's documented bounds and defaults (reference §7).
const retryConfig = z.object({
  enabled: z.boolean({ error: "retry_config.enabled must be a boolean" }).default(false),
  max_retries: z
    .number({ error: "retry_config.max_retries must be a number" })
    .int()
    .min(1, "retry_config.max_retries must be between 1 and 3")
    .max(3, "retry_config.max_retries must be between 1 and 3")
    .default(3),
  retry_on_statuses: z
    .array(z.enum(RETRYABLE_STATUSES, { error: "retry_config.retry_on_statuses may hold no-answer, busy, failed, error" }))
    .default(["no-answer", "busy", "failed"]),
  retry_on_voicemail: z.boolean({ error: "retry_config.retry_on_voicemail must be a boolean" }).default(false),
  retry_intervals_minutes: z
    .array(z.number().positive("retry_config.retry_intervals_minutes must be positive numbers"))
    .min(1, "retry_config.retry_intervals_minutes must not be empty")
    .default([30, 60, 120]),
});

const callRequest = z.object({
  agent_id: z.string({ error: "agent_id is required" }).trim().min(1, "agent_id is required"),
  recipient_phone_number: z
    .string({ error: "recipient_phone_number is required" })
    .regex(E164, "recipient_phone_number must be an E.164 phone number such as +919876543210"),
  from_phone_number: z.string().regex(E164, "from_phone_number must be an E.164 phone number").optional(),
  scheduled_at: z
    .string()
    .transform((value, ctx): BolnaInstant => {
      const at = WITH_OFFSET.test(value) ? parseBolnaTime(value) : null;
      if (!at) {
        ctx.addIssue({ code: "custom", message: "scheduled_at must be ISO 8601 with an offset such as +00:00" });
        return z.NEVER;
      }
      return at;
    })
    .optional(),
  user_data: z.record(z.string(), z.unknown(), { error: "user_data must be an object" }).optional(),
  agent_data: z.looseObject({ language: z.string().optional() }).optional(),
  retry_config: retryConfig.optional(),
});

export type CallRequest = z.infer<typeof callRequest>;

/** Validates a POST /call body as Bolna does; the error is the message of Bolna's 400. */
export function parseCallRequest(
  body: unknown,
  now = Date.now(),
): { ok: true; request: CallRequest } | { ok: false; message: string } {
  const parsed = callRequest.safeParse(body);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid request" };
  // The call's language comes from one place: agent_language in user_data, or agent_data.language (reference §8).
  const spoken = parsed.data.user_data?.agent_language;
  const configured = parsed.data.agent_data?.language;
  if (spoken !== undefined && configured !== undefined && spoken !== configured) {
    return { ok: false, message: "agent_language in user_data and agent_data.language disagree; send one of them" };
  }
  const at = parsed.data.scheduled_at;
  if (at && at.date.getTime() - now < MIN_SCHEDULE_AHEAD_MS) {
    return { ok: false, message: "scheduled_at must be at least 2 minutes in the future" };
  }
  return { ok: true, request: parsed.data };
}
