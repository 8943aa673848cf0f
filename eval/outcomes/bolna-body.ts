import crypto from "node:crypto";
import { DateTime } from "luxon";
import { buildUserData } from "@/lib/calls/build-user-data";
import { bolnaTime } from "@/tests/support/lifecycle";

/**
 * A finished call as Bolna delivers it to the webhook, built from the few facts a corpus case is about. Every body
 * carries the keys of Bolna's real execution objects (compare tests/fixtures/bolna/05-completed-confirmed.json),
 * and `context_details.recipient_data` is what Callboard itself sends as `user_data` (lib/calls/build-user-data.ts).
 */

export type Who = { name: string; position: string; phone: string; interviewAt: Date };

export type CallShape = {
  /** A whole conversation, one turn a line: `A: …` for the agent, `U: …` for whoever answered the phone. */
  transcript?: string | null;
  /** Or only what the candidate says: the prototype agent's usual lines are put around each answer. */
  answers?: string[];
  /** The agent's extraction: an object, a JSON string (some agents send one), or null. */
  extraction?: unknown;
  /** `conversation_duration`; `undefined` estimates it from the words, `"absent"` leaves the key out. */
  seconds?: number | "absent";
  status?: string;
  answeredByVoicemail?: boolean | null;
  hangupBy?: string;
  hangupReason?: string;
  /** Bolna's retry_count: a retry of the same execution (reference §7). */
  retry?: number;
  /** The zone Callboard spoke in (`user_data.timezone`); null: an agent or a body without it. */
  zone?: string | null;
  /** The prototype guide's minimal body: top-level `execution_id` and `recipient_phone_number`, nothing else. */
  guideShape?: boolean;
};

const AGENT_ID = "5bc97541-e320-4d95-a3a5-242cfe45621d";
const FROM = "+16282774700";

function spokenWhen(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale("en-US").toFormat("cccc, d LLLL 'at' h:mm a");
}

/** The prototype agent's lines around answers given alone: a greeting, the question, a close. */
function dialogue(answers: string[], who: Who, zone: string): string[] {
  const first = who.name.split(" ")[0]!;
  const asks = [
    `Hello, this is Ava calling from Dharwin about your interview for ${who.position}. Am I speaking with ${who.name}?`,
    `Your interview is on ${spokenWhen(who.interviewAt, zone)}. Does this time work for you?`,
    "Is there anything else I can help you with?",
  ];
  const single = `Hi ${first}, this is Ava from Dharwin. Your interview for ${who.position} is on ${spokenWhen(who.interviewAt, zone)}. Can you attend?`;
  const lines: string[] = [];
  answers.forEach((answer, index) => {
    lines.push(`assistant: ${answers.length === 1 ? single : (asks[index] ?? "Okay.")}`);
    lines.push(`user: ${answer}`);
  });
  lines.push(`assistant: Thank you for your time, ${first}. Have a good day!`);
  return lines;
}

function transcriptOf(shape: CallShape, who: Who, zone: string): string | null {
  if (shape.answers) return `${dialogue(shape.answers, who, zone).join("\n")}\n`;
  if (shape.transcript === undefined || shape.transcript === null) return shape.transcript ?? null;
  const lines = shape.transcript
    .trim()
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/^A:\s*/, "assistant: ")
        .replace(/^U:\s*/, "user: "),
    );
  return `${lines.join("\n")}\n`;
}

/** About the pace of Bolna's sample calls: 13 characters a second, a few seconds of greeting. */
function estimatedSeconds(transcript: string | null): number {
  return transcript ? Math.round((transcript.length / 13 + 4) * 10) / 10 : 0;
}

/** A terminal execution body for `who`, placed at `placedAt`. */
export function bolnaBody(shape: CallShape, who: Who, placedAt: Date): Record<string, unknown> {
  const zone = shape.zone === undefined ? "Asia/Kolkata" : shape.zone;
  const transcript = transcriptOf(shape, who, zone ?? "UTC");
  const id = crypto.randomUUID();
  const status = shape.status ?? "completed";
  if (shape.guideShape) {
    return {
      execution_id: id,
      status,
      ...(transcript === null ? {} : { transcript }),
      extracted_data: shape.extraction ?? null,
      recipient_phone_number: who.phone,
    };
  }
  const seconds = shape.seconds === undefined ? estimatedSeconds(transcript) : shape.seconds;
  const micros = placedAt.getTime() * 1000;
  const endMicros = micros + Math.round(((typeof seconds === "number" ? seconds : 60) + 20) * 1_000_000);
  const userData = buildUserData({
    candidate: who,
    allowedSlots: [],
    poolSlots: [],
    zone: zone ?? "UTC",
    now: placedAt,
  });
  if (zone === null) {
    delete userData.timezone;
    delete userData.interview_timezone;
  }
  const retry = shape.retry ?? 0;
  const answered = status === "completed" && (typeof seconds !== "number" || seconds > 0);
  return {
    id,
    agent_id: AGENT_ID,
    batch_id: null,
    created_at: bolnaTime(micros),
    updated_at: bolnaTime(endMicros),
    scheduled_at: bolnaTime(micros),
    answered_by_voice_mail: shape.answeredByVoicemail ?? null,
    ...(seconds === "absent" ? {} : { conversation_duration: seconds }),
    total_cost: answered ? Math.round((typeof seconds === "number" ? seconds : 60) * 0.24 * 100) / 100 : 0,
    transcript,
    extracted_data: shape.extraction ?? null,
    summary: null,
    error_message: status === "failed" ? "The destination number could not be reached." : null,
    status,
    smart_status: status,
    user_number: who.phone,
    agent_number: FROM,
    initiated_at: bolnaTime(micros + 1_500_000),
    retry_config:
      retry > 0
        ? {
            enabled: true,
            max_retries: 2,
            retry_on_statuses: ["no-answer", "busy", "failed"],
            retry_on_voicemail: false,
            retry_intervals_minutes: [30, 60],
          }
        : null,
    retry_count: retry,
    retry_history:
      retry > 0
        ? Array.from({ length: retry }, (_, index) => ({
            attempt: index + 1,
            status: "no-answer",
            at: bolnaTime(micros - (retry - index) * 1_800_000_000),
          }))
        : null,
    telephony_data: {
      duration: answered ? String(Math.round((typeof seconds === "number" ? seconds : 60) + 2)) : "0.0",
      to_number: who.phone,
      from_number: FROM,
      recording_url: answered ? `https://bolna-call-recordings.s3.us-east-1.amazonaws.com/${id}.mp3` : null,
      hosted_telephony: true,
      provider_call_id: `CA${id.replaceAll("-", "")}`,
      call_type: "outbound",
      provider: "twilio",
      hangup_by: shape.hangupBy ?? (answered ? "Callee" : "Carrier"),
      hangup_reason: shape.hangupReason ?? (answered ? "Call recipient hungup" : "No answer"),
      hangup_provider_code: answered ? 4000 : 480,
      ring_duration: 6,
    },
    transfer_call_data: null,
    context_details: { recipient_data: userData, recipient_phone_number: who.phone },
    provider: "twilio",
  };
}
