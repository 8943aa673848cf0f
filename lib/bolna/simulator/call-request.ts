import { z } from "zod";
import { parseBolnaTime, type BolnaInstant } from "@/lib/time/bolna-time";

const E164 = /^\+[1-9]\d{6,14}$/;
const WITH_OFFSET = /[+-]\d{2}:?\d{2}$/;
/** Bolna refuses to schedule a call less than this far ahead. */
const MIN_SCHEDULE_AHEAD_MS = 2 * 60_000;

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
});

export type CallRequest = z.infer<typeof callRequest>;

/** Validates a POST /call body as Bolna does; the error is the message of Bolna's 400. */
export function parseCallRequest(
  body: unknown,
  now = Date.now(),
): { ok: true; request: CallRequest } | { ok: false; message: string } {
  const parsed = callRequest.safeParse(body);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Invalid request" };
  const at = parsed.data.scheduled_at;
  if (at && at.date.getTime() - now < MIN_SCHEDULE_AHEAD_MS) {
    return { ok: false, message: "scheduled_at must be at least 2 minutes in the future" };
  }
  return { ok: true, request: parsed.data };
}
