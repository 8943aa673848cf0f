import crypto from "node:crypto";
import { bolnaTime } from "./lifecycle";

/**
 * Terminal Bolna bodies for the trust and insight tests: one execution each, shaped like the sample
 * bodies in tests/fixtures/bolna, with the facts a test is about (transcript turns, extraction, voicemail flag,
 * cost, when it happened).
 */

export const ACCEPTED = { call_outcome: "ACCEPTED", final_slot: null, notes: "Candidate confirmed." };
export const REJECTED = { call_outcome: "REJECTED", final_slot: null, notes: "Candidate declined." };
export const rescheduledTo = (date: string, time: string) => ({
  call_outcome: "RESCHEDULED",
  final_slot: { date, time, day_of_week: "" },
  notes: "Candidate chose another slot.",
});

/**
 * The same decision as a Bolna disposition whose own confidence is medium (0.6): Bolna itself was unsure, so it
 * waits for a person whatever the words say (reference §7).
 */
export function unsure(extraction: Record<string, unknown>): Record<string, unknown> {
  const { call_outcome: objective, ...rest } = extraction;
  return {
    ...rest,
    interview: {
      interview_outcome: { objective, confidence: 0.6, confidence_label: "medium", reasoning: "The candidate hesitated." },
    },
  };
}

export const CONFIRMING_TURNS = ["user: Yes, this is me.", "user: Yes, that works for me.", "user: Thank you, bye."];
export const DECLINING_TURNS = [
  "user: Hello.",
  "user: Sorry, I accepted another offer, I am not interested any more.",
  "user: Bye.",
];
export const RESCHEDULING_TURNS = [
  "user: Hello.",
  "user: No, I have a conflict then. Can we do a different day?",
  "user: The first option, please.",
];
export const RELATIVE_TURNS = [
  "user: Hello? Who is this?",
  "user: He is not at home right now.",
  "user: Okay, I'll tell him. Yes, fine.",
];
export const VOICEMAIL_TURNS = ["user: The person you are calling is not available. Please leave a message after the tone."];

export type CallSpec = {
  phone: string;
  status?: "completed" | "no-answer" | "busy" | "failed";
  /** When the call was placed (Bolna's created_at); it ends a minute later. */
  at?: Date;
  cost?: number;
  conversationSeconds?: number;
  turns?: string[];
  extraction?: Record<string, unknown> | null;
  voicemail?: boolean;
  executionId?: string;
};

export function callBody(spec: CallSpec): Record<string, unknown> & { id: string } {
  const status = spec.status ?? "completed";
  const answered = status === "completed" && (spec.conversationSeconds ?? 60) > 0;
  const at = spec.at ?? new Date();
  const micros = at.getTime() * 1000;
  const turns = spec.turns ?? CONFIRMING_TURNS;
  const transcript = answered
    ? `${["assistant: Hello, this is Ava calling from Dharwin about your interview.", ...turns].join("\n")}\n`
    : null;
  return {
    id: spec.executionId ?? crypto.randomUUID(),
    agent_id: "5bc97541-e320-4d95-a3a5-242cfe45621d",
    status,
    created_at: bolnaTime(micros),
    updated_at: bolnaTime(micros + 60_000_000),
    answered_by_voice_mail: spec.voicemail ?? null,
    conversation_duration: answered ? (spec.conversationSeconds ?? 60) : 0,
    total_cost: spec.cost ?? 0,
    transcript,
    extracted_data: answered ? (spec.extraction === undefined ? ACCEPTED : spec.extraction) : null,
    summary: null,
    error_message: status === "failed" ? "Call failed" : null,
    user_number: spec.phone,
    telephony_data: {
      duration: answered ? String((spec.conversationSeconds ?? 60) + 2) : "0.0",
      to_number: spec.phone,
      from_number: "+16282774700",
      recording_url: answered ? `https://bolna-call-recordings.example/${crypto.randomUUID()}.mp3` : null,
      hangup_by: answered ? "Callee" : "Carrier",
      hangup_reason: answered ? "Call recipient hungup" : "No answer",
    },
    context_details: { recipient_phone_number: spec.phone },
  };
}
