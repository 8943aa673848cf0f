import { z } from "zod";
import { parseBolnaTime, type BolnaInstant } from "@/lib/time/bolna-time";
import { isTimeZone } from "@/lib/time/time-zones";
import { boundJson, STORED_EXTRACTION } from "./bound-json";
import { CALL_PURPOSES, type CallDirection, type CallPurpose, type RetryConfig, type RetryHistoryEntry } from "@/db/values";
import { isTerminalStatus } from "./call-status";
import { MAX_RETRIES, readRetryConfig } from "./retry-config";
import { readTransfer, type Transfer } from "./transfer-call-data";

/** Longest text field kept from a delivery (a transcript); bodies are capped at 1 MiB anyway, this keeps rows sane. */
const MAX_TEXT = 200_000;

/**
 * JSON.parse accepts lone UTF-16 surrogates ("\udc00"); SQLite stores them as bytes that read back as U+FFFD, so
 * an execution id would no longer equal itself once stored (its second delivery would not find its call). Every
 * text is made well-formed here, the way String.prototype.toWellFormed does, before anything keys on it.
 */
const wellFormed = z.string().transform((value) => value.replace(/\p{Surrogate}/gu, "\uFFFD"));

/** A text field cut to `max` characters; anything that is not a string is null. */
const textUpTo = (max: number) =>
  wellFormed
    .transform((value) => (value.length > max ? value.slice(0, max) : value))
    .nullish()
    .catch(null)
    .transform((value) => value ?? null);
const text = textUpTo(MAX_TEXT);

const executionIdValue = z
  .union([wellFormed.pipe(z.string().trim().min(1).max(200)), z.number().int().safe().transform(String)])
  .optional()
  .catch(undefined);

// Bolna sends some numbers as strings (`telephony_data.duration: "0.0"`).
const looseNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .max(40)
      .transform(Number),
  ])
  .pipe(z.number().finite())
  .nullish()
  .catch(null)
  .transform((value) => value ?? null);

const instant = z
  .unknown()
  .optional()
  .transform((value): BolnaInstant | null => parseBolnaTime(value));

const jsonObject = z.record(z.string(), z.unknown());
const MAX_EXTRACTION_DEPTH = 32;

// Stored as JSON later: a pathologically deep object would overflow JSON.stringify's stack.
function nestsWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth >= limit) return false;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return true;
}

// Some agents hand extracted_data over as a JSON string rather than an object.
const extractedData = z
  .unknown()
  .optional()
  .transform((value): Record<string, unknown> | null => {
    let candidate = value;
    if (typeof value === "string" && value.length <= MAX_TEXT) {
      try {
        candidate = JSON.parse(value);
      } catch {
        return null;
      }
    }
    const parsed = jsonObject.safeParse(candidate);
    if (!parsed.success || Object.keys(parsed.data).length === 0) return null;
    if (!nestsWithin(parsed.data, MAX_EXTRACTION_DEPTH)) return null;
    // Keys, items and characters are cut to their bounds; the raw body keeps everything that was sent.
    return boundJson(parsed.data, STORED_EXTRACTION).value as Record<string, unknown>;
  });

const phone = z
  .union([z.string().max(40), z.number().transform(String)])
  .nullish()
  .catch(null);

const telephony = z
  .looseObject({
    duration: looseNumber,
    to_number: phone,
    from_number: phone,
    call_type: wellFormed
      .pipe(z.string().max(32))
      .transform((value) => value.trim().toLowerCase())
      .nullish()
      .catch(null),
    recording_url: textUpTo(4_096),
    hangup_by: textUpTo(200),
    hangup_reason: textUpTo(1_000),
  })
  .nullish()
  .catch(null);

/**
 * Bolna counts retries 1–3. The order key gives the attempt two digits: a count beyond that (or not an integer)
 * is not a retry count, and reads as the first attempt.
 */
const retryCount = z
  .number()
  .int()
  .min(0)
  .max(99)
  .nullish()
  .catch(null)
  .transform((value) => value ?? 0);

const MAX_HISTORY = MAX_RETRIES + 1;
const historyEntry = z.looseObject({
  attempt: z.number().int().min(0).max(100).optional().catch(undefined),
  retry_count: z.number().int().min(0).max(100).optional().catch(undefined),
  status: wellFormed.pipe(z.string().max(64)).optional().catch(undefined),
  at: z.unknown().optional(),
  updated_at: z.unknown().optional(),
});

// Bolna documents entries as {attempt, status, at}; anything else in the list is left out.
const retryHistory = z
  .unknown()
  .optional()
  .transform((value): RetryHistoryEntry[] | null => {
    if (!Array.isArray(value)) return null;
    const entries = value.slice(0, MAX_HISTORY).flatMap((item): RetryHistoryEntry[] => {
      const parsed = historyEntry.safeParse(item);
      if (!parsed.success) return [];
      const attempt = parsed.data.attempt ?? (parsed.data.retry_count === undefined ? undefined : parsed.data.retry_count + 1);
      if (attempt === undefined) return [];
      const at = parseBolnaTime(parsed.data.at ?? parsed.data.updated_at);
      return [{ attempt, status: parsed.data.status?.trim().toLowerCase() || null, at: at ? at.date.toISOString() : null }];
    });
    return entries.length > 0 ? entries : null;
  });

// Bolna's voicemail detection (reference §7): a boolean, or its text form; anything else is "not said".
const flag = z
  .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
  .nullish()
  .catch(null)
  .transform((value) => value ?? null);

// The zone Callboard sent in `user_data` (lib/calls/build-user-data.ts), which Bolna echoes in recipient_data: the
// agent spoke every time in it, so the slot a candidate chose is read in it. Anything but a known zone is ignored.
const zoneName = z
  .string()
  .trim()
  .refine(isTimeZone)
  .nullish()
  .catch(null)
  .transform((value) => value ?? null);
const recipientData = z
  .looseObject({ timezone: zoneName, interview_timezone: zoneName, purpose: z.enum(CALL_PURPOSES).nullish().catch(null) })
  .nullish()
  .catch(null);

const executionSchema = z.object({
  id: executionIdValue,
  execution_id: executionIdValue,
  status: wellFormed
    .pipe(z.string().max(64))
    .transform((value) => value.trim().toLowerCase() || null)
    .nullish()
    .catch(null),
  created_at: instant,
  updated_at: instant,
  conversation_duration: looseNumber,
  total_cost: looseNumber,
  transcript: text,
  summary: textUpTo(20_000),
  error_message: textUpTo(2_000),
  extracted_data: extractedData,
  answered_by_voice_mail: flag,
  user_number: phone,
  recipient_phone_number: phone,
  telephony_data: telephony,
  context_details: z.looseObject({ recipient_phone_number: phone, recipient_data: recipientData }).nullish().catch(null),
  retry_count: retryCount,
  retry_history: retryHistory,
  transfer_call_data: z.unknown().optional(),
  retry_config: z.unknown().optional(),
  scheduled_at: instant,
});

/** The facts Callboard uses from one execution object, whichever of Bolna's variants it came in. */
export type Execution = {
  executionId: string;
  status: string | null;
  createdAt: BolnaInstant | null;
  updatedAt: BolnaInstant | null;
  conversationSeconds: number | null;
  durationSeconds: number | null;
  totalCost: number | null;
  transcript: string | null;
  summary: string | null;
  errorMessage: string | null;
  recordingUrl: string | null;
  hangupBy: string | null;
  hangupReason: string | null;
  extractedData: Record<string, unknown> | null;
  /** The candidate's number from every place Bolna puts it, most specific first. */
  phones: string[];
  /** Bolna's retry_count: 0 for the first attempt, n for the n-th retry (same execution id). */
  attempt: number;
  retryHistory: RetryHistoryEntry[] | null;
  retryConfig: RetryConfig | null;
  /** True when Bolna's voicemail detection hung up on a machine; null when it did not say. */
  answeredByVoicemail: boolean | null;
  /** When a scheduled call or a retry is to ring. */
  scheduledAt: Date | null;
  /** `inbound`: the candidate called the agent's number (telephony_data.call_type); then `phones` is the caller's. */
  direction: CallDirection;
  /** Bolna's transfer to a person (transfer_call_data), when the call was transferred. */
  transfer: Transfer | null;
  /** The IANA zone the agent spoke times in (`context_details.recipient_data.timezone`), when the body says. */
  spokenZone: string | null;
  /**
   * Why Callboard placed the call (`context_details.recipient_data.purpose`, the `purpose` it sent in user_data):
   * a webhook can arrive before Bolna's answer to POST /call, and a reminder call must then not be taken for a
   * first call, which would move a confirmed candidate back to "calling".
   */
  purpose: CallPurpose | null;
  /**
   * True when a final status says conversation_duration 0: nobody spoke. Null otherwise — before the end Bolna
   * reports 0 for "not known yet", and the prototype guide's bodies leave the key out.
   */
  silentEnd: true | null;
};

export type ParseResult = { ok: true; execution: Execution } | { ok: false; message: string };

export function parseExecution(body: unknown): ParseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "The body must be a JSON object (a Bolna execution)." };
  }
  const parsed = executionSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: "The body is not a Bolna execution object." };
  const raw = parsed.data;
  const executionId = raw.id ?? raw.execution_id;
  if (!executionId) return { ok: false, message: "The execution has no id (`id` or `execution_id`)." };
  // For an inbound call from_number is the caller and to_number the agent's own line, which is nobody's.
  const direction: CallDirection = raw.telephony_data?.call_type === "inbound" ? "inbound" : "outbound";
  const phones = (
    direction === "inbound"
      ? [raw.user_number, raw.telephony_data?.from_number]
      : [raw.context_details?.recipient_phone_number, raw.recipient_phone_number, raw.user_number, raw.telephony_data?.to_number]
  ).filter((value): value is string => typeof value === "string" && value.trim() !== "");
  return {
    ok: true,
    execution: {
      executionId,
      status: raw.status ?? null,
      createdAt: raw.created_at,
      updatedAt: raw.updated_at,
      conversationSeconds: raw.conversation_duration,
      durationSeconds: raw.telephony_data?.duration ?? null,
      totalCost: raw.total_cost,
      transcript: raw.transcript,
      summary: raw.summary,
      errorMessage: raw.error_message,
      recordingUrl: raw.telephony_data?.recording_url ?? null,
      hangupBy: raw.telephony_data?.hangup_by ?? null,
      hangupReason: raw.telephony_data?.hangup_reason ?? null,
      extractedData: raw.extracted_data,
      phones: [...new Set(phones)],
      attempt: raw.retry_count,
      retryHistory: raw.retry_history,
      retryConfig: readRetryConfig(raw.retry_config),
      answeredByVoicemail: raw.answered_by_voice_mail,
      scheduledAt: raw.scheduled_at?.date ?? null,
      direction,
      transfer: readTransfer(raw.transfer_call_data),
      spokenZone:
        raw.context_details?.recipient_data?.timezone ?? raw.context_details?.recipient_data?.interview_timezone ?? null,
      purpose: raw.context_details?.recipient_data?.purpose ?? null,
      silentEnd: isTerminalStatus(raw.status) && raw.conversation_duration === 0 ? true : null,
    },
  };
}
