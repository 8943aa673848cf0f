import crypto from "node:crypto";
import fc from "fast-check";
import type { Delivery } from "@/lib/calls/apply-execution";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { parseBolnaTime } from "@/lib/time/bolna-time";

/**
 * Generated Bolna call lifecycles for the hardening tests: the statuses a call moves through, with the fields
 * Bolna fills in progressively (nothing final before the terminal status, the transcript before the extraction),
 * and strictly increasing `updated_at` so that the in-order delivery is well defined.
 */

type Ending =
  | { kind: "confirmed" | "declined" | "silent" | "unextracted" | "no-answer" | "busy" | "failed" }
  | { kind: "rescheduled"; date: string; time: string };

export type Lifecycle = {
  /** Bolna's created_at, in microseconds since the epoch. */
  createdAtMicros: number;
  queued: boolean;
  ringing: boolean;
  /** How many in-progress events (each with a longer partial transcript). */
  inProgress: number;
  disconnected: boolean;
  ending: Ending | null;
  /** For extracted endings: a first `completed` without the extraction, then a later one with it. */
  lateExtraction: boolean;
  /** Gaps between consecutive events, in microseconds (at least 1). */
  gaps: number[];
  conversationSeconds: number;
  cost: number;
  durationAsString: boolean;
  recordingSuffix: string;
};

export type EventBody = Record<string, unknown> & { id: string; status: string };

const TRANSCRIPTS: Record<string, string[]> = {
  confirmed: [
    "assistant: Hello, this is Ava calling from Dharwin.",
    "user: Hi, yes.",
    "assistant: Your interview is on Friday at 11 in the morning. Does this time work for you?",
    "user: Yes, that works for me.",
    "assistant: Excellent, it is confirmed. Have a good day!",
    "user: Thank you, bye.",
  ],
  declined: [
    "assistant: Hello, this is Ava calling from Dharwin.",
    "user: Hello.",
    "assistant: Your interview is on Friday at 11 in the morning. Does this time work for you?",
    "user: Sorry, I accepted another offer, I am not interested any more.",
    "assistant: I understand. Thank you for letting us know.",
    "user: Bye.",
  ],
  rescheduled: [
    "assistant: Hello, this is Ava calling from Dharwin.",
    "user: Hello.",
    "assistant: Your interview is on Monday at 2 in the afternoon. Does this time work for you?",
    "user: No, I have a conflict on Monday. Can we do a different day?",
    "assistant: Option one: Wednesday at 3 in the afternoon.",
    "user: Wednesday at 3 works.",
  ],
};

const SLOT_TIMES = ["9:00 AM", "10:30 AM", "3:00 PM", "4 PM", "14:30", "11:15 am"];

const endingArb: fc.Arbitrary<Ending> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("confirmed", "declined").map((kind) => ({ kind }) as Ending) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        day: fc.integer({ min: 0, max: 80 }),
        time: fc.constantFrom(...SLOT_TIMES),
      })
      .map(({ day, time }): Ending => {
        const date = new Date(Date.UTC(2026, 0, 5) + day * 86_400_000).toISOString().slice(0, 10);
        return { kind: "rescheduled", date, time };
      }),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom("no-answer", "busy", "failed", "silent", "unextracted").map((kind) => ({ kind }) as Ending),
  },
);

export const lifecycleArb: fc.Arbitrary<Lifecycle> = fc
  .record({
    createdAtMicros: fc.integer({ min: 0, max: 365 * 86_400 }).map((s) => Date.UTC(2025, 11, 1) * 1000 + s * 1_000_000 + 123_456),
    queued: fc.boolean(),
    ringing: fc.boolean(),
    inProgress: fc.integer({ min: 0, max: 2 }),
    disconnected: fc.boolean(),
    ending: fc.option(endingArb, { freq: 6 }),
    lateExtraction: fc.boolean(),
    gaps: fc.array(fc.integer({ min: 1, max: 90_000_000 }), { minLength: 8, maxLength: 8 }),
    conversationSeconds: fc.integer({ min: 1, max: 3000 }).map((n) => n / 10),
    cost: fc.integer({ min: 1, max: 5000 }).map((n) => n / 100),
    durationAsString: fc.boolean(),
    recordingSuffix: fc.stringMatching(/^[A-Za-z0-9]{4,12}$/),
  })
  .map((lifecycle) => {
    // Calls that never connect have no in-progress or disconnected stage.
    const unanswered = ["no-answer", "busy", "failed", "silent"].includes(lifecycle.ending?.kind ?? "");
    return unanswered ? { ...lifecycle, inProgress: 0, disconnected: false } : lifecycle;
  })
  .filter(
    (lifecycle) =>
      lifecycle.queued || lifecycle.ringing || lifecycle.inProgress > 0 || lifecycle.disconnected || lifecycle.ending !== null,
  );

/** Bolna's timestamp format: six decimals, no zone (UTC). */
export function bolnaTime(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const whole = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
  return `${whole}.${String(micros % 1_000_000).padStart(6, "0")}`;
}

function transcriptKind(ending: Ending | null): string {
  if (ending?.kind === "declined" || ending?.kind === "rescheduled") return ending.kind;
  return "confirmed";
}

function extractionFor(ending: Ending): Record<string, unknown> | null {
  switch (ending.kind) {
    case "confirmed":
      return { call_outcome: "ACCEPTED", final_slot: null, notes: "Candidate confirmed." };
    case "declined":
      return { call_outcome: "REJECTED", final_slot: null, notes: "Candidate declined." };
    case "rescheduled":
      return {
        call_outcome: "RESCHEDULED",
        final_slot: { date: ending.date, time: ending.time, day_of_week: "Someday" },
        notes: "Moved.",
      };
    default:
      return null;
  }
}

/** The lifecycle's bodies in the order Bolna produced them, for one execution and one phone. */
export function lifecycleBodies(lifecycle: Lifecycle, executionId: string, phone: string): EventBody[] {
  const lines = TRANSCRIPTS[transcriptKind(lifecycle.ending)]!;
  const full = `${lines.join("\n")}\n`;
  const duration = (seconds: number | null) =>
    seconds === null ? null : lifecycle.durationAsString ? seconds.toFixed(1) : seconds;
  const recording = `https://bolna-call-recordings.example/${executionId}/${lifecycle.recordingSuffix}`;

  type Stage = { status: string; fields: Partial<Record<string, unknown>>; telephony: Record<string, unknown> };
  const stages: Stage[] = [];
  const early = {
    transcript: null,
    conversation_duration: 0,
    total_cost: 0,
    extracted_data: null,
    summary: null,
    error_message: null,
  };
  const earlyPhone = { duration: null, recording_url: null, hangup_by: null, hangup_reason: null };
  if (lifecycle.queued) stages.push({ status: "queued", fields: early, telephony: earlyPhone });
  if (lifecycle.ringing) stages.push({ status: "ringing", fields: early, telephony: { ...earlyPhone, duration: "0.0" } });
  for (let i = 0; i < lifecycle.inProgress; i += 1) {
    const partial = `${lines.slice(0, 2 * (i + 1)).join("\n")}\n`;
    stages.push({
      status: "in-progress",
      fields: { ...early, transcript: partial },
      telephony: { ...earlyPhone, duration: "0.0" },
    });
  }
  if (lifecycle.disconnected) {
    stages.push({
      status: "call-disconnected",
      fields: {
        ...early,
        transcript: full,
        conversation_duration: lifecycle.conversationSeconds,
        total_cost: lifecycle.cost / 2,
      },
      telephony: { ...earlyPhone, duration: "0.0", recording_url: "" },
    });
  }
  const ending = lifecycle.ending;
  if (ending) {
    const hangup = { hangup_by: "Callee", hangup_reason: "Call recipient hungup" };
    switch (ending.kind) {
      case "no-answer":
        stages.push({
          status: "no-answer",
          fields: early,
          telephony: { ...earlyPhone, duration: "0.0", hangup_by: "Carrier", hangup_reason: "No answer" },
        });
        break;
      case "busy":
        stages.push({ status: "busy", fields: early, telephony: { ...earlyPhone, duration: "0.0" } });
        break;
      case "failed":
        stages.push({
          status: "failed",
          fields: { ...early, error_message: "Call failed: the destination number could not be reached" },
          telephony: { ...earlyPhone, duration: "0.0", hangup_by: "Error", hangup_reason: "Call failed" },
        });
        break;
      case "silent":
        stages.push({
          status: "completed",
          fields: { ...early, total_cost: lifecycle.cost },
          telephony: { ...earlyPhone, duration: duration(4), ...hangup },
        });
        break;
      default: {
        const done = {
          transcript: full,
          conversation_duration: lifecycle.conversationSeconds,
          total_cost: lifecycle.cost,
          error_message: null,
        };
        const phoneDone = { duration: duration(lifecycle.conversationSeconds + 2), recording_url: recording, ...hangup };
        const extraction = extractionFor(ending);
        if (lifecycle.lateExtraction && extraction) {
          stages.push({ status: "completed", fields: { ...done, extracted_data: null, summary: null }, telephony: phoneDone });
        }
        stages.push({
          status: "completed",
          fields: {
            ...done,
            extracted_data: extraction,
            summary: `Summary of ${ending.kind} call ${lifecycle.recordingSuffix}.`,
          },
          telephony: phoneDone,
        });
      }
    }
  }

  let at = lifecycle.createdAtMicros;
  return stages.map((stage, index) => {
    at += lifecycle.gaps[index % lifecycle.gaps.length]!;
    return {
      id: executionId,
      agent_id: "5bc97541-e320-4d95-a3a5-242cfe45621d",
      status: stage.status,
      created_at: bolnaTime(lifecycle.createdAtMicros),
      updated_at: bolnaTime(at),
      ...stage.fields,
      user_number: phone,
      telephony_data: { to_number: phone, from_number: "+16282774700", provider: "twilio", ...stage.telephony },
      context_details: { recipient_phone_number: phone, recipient_data: { candidate_name: "Generated" } },
    } as EventBody;
  });
}

/** A delivery order: every event at least once, some of them several times, in any order. */
export function deliveryOrderArb(length: number, maxExtra = 4): fc.Arbitrary<number[]> {
  const indices = Array.from({ length }, (_, index) => index);
  return fc.array(fc.nat({ max: Math.max(0, length - 1) }), { maxLength: length === 0 ? 0 : maxExtra }).chain((extra) => {
    const all = [...indices, ...extra];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });
}

function sha256Hex(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** What the webhook route hands applyExecution for a body, built the same way (raw text, sha-256 of it). */
export function deliveryOf(body: unknown, receivedAt = new Date()): Delivery {
  const rawBody = typeof body === "string" ? body : JSON.stringify(body);
  const parsed = parseExecution(JSON.parse(rawBody));
  if (!parsed.ok) throw new Error(`generated body does not parse: ${parsed.message}`);
  return {
    execution: parsed.execution,
    rawBody,
    bodyHash: sha256Hex(rawBody),
    senderIp: "127.0.0.1",
    receivedAt,
    source: "webhook",
  };
}

// --- Bolna's retries ---

/** The retry_config Bolna echoes on every body of a call placed with retries. */
const RETRY_CONFIG_ECHO = {
  enabled: true,
  max_retries: 3,
  retry_on_statuses: ["no-answer", "busy", "failed"],
  retry_on_voicemail: false,
  retry_intervals_minutes: [30, 60, 120],
};

/** One execution played over several attempts: each earlier one ended in a status Bolna retries. */
export type RetriedLifecycle = { earlier: Lifecycle[]; last: Lifecycle };

const retriedEndingArb = fc.constantFrom("no-answer", "busy", "failed").map((kind) => ({ kind }) as Ending);

export const retriedLifecycleArb: fc.Arbitrary<RetriedLifecycle> = fc.record({
  earlier: fc.array(
    fc
      .tuple(lifecycleArb, retriedEndingArb)
      .map(([lifecycle, ending]): Lifecycle => ({ ...lifecycle, ending, inProgress: 0, disconnected: false })),
    { minLength: 1, maxLength: 3 },
  ),
  last: lifecycleArb,
});

/**
 * Every body of a retried execution in the order Bolna produced them: attempt 0's lifecycle, then for each retry
 * a `scheduled` body (retry_count n, retry_history of the attempts so far, the retry's scheduled_at) and that
 * attempt's lifecycle, all under one execution id and one created_at.
 */
export function retriedLifecycleBodies(retried: RetriedLifecycle, executionId: string, phone: string): EventBody[] {
  const attempts = [...retried.earlier, retried.last];
  const createdAt = bolnaTime(attempts[0]!.createdAtMicros);
  const bodies: EventBody[] = [];
  const history: { attempt: number; status: string; at: string }[] = [];
  let clock = attempts[0]!.createdAtMicros;
  attempts.forEach((lifecycle, attempt) => {
    const common = { created_at: createdAt, retry_count: attempt, retry_config: RETRY_CONFIG_ECHO };
    if (attempt > 0) {
      clock += 1_000_000;
      const retryAt = clock + RETRY_CONFIG_ECHO.retry_intervals_minutes[attempt - 1]! * 60_000_000;
      bodies.push({
        ...lifecycleBodies({ ...lifecycle, queued: true, createdAtMicros: clock - 1 }, executionId, phone)[0]!,
        ...common,
        status: "scheduled",
        updated_at: bolnaTime(clock),
        scheduled_at: bolnaTime(retryAt),
        retry_history: [...history],
      });
      clock = retryAt;
    }
    const own: EventBody[] = lifecycleBodies({ ...lifecycle, createdAtMicros: clock }, executionId, phone).map((body) => ({
      ...body,
      ...common,
      retry_history: history.length > 0 ? [...history] : null,
    }));
    bodies.push(...own);
    const end = own.at(-1);
    if (end) {
      history.push({ attempt: attempt + 1, status: end.status, at: end.updated_at as string });
      clock = Math.max(clock, parseBolnaTime(end.updated_at)?.micros ?? clock);
    }
  });
  return bodies;
}
