import type { BolnaStatus } from "@/lib/bolna/call-status";
import { billing } from "./billing";

/** An execution object as Bolna sends it; the simulator only ever changes the keys `newExecution` wrote. */
export type ExecutionBody = Record<string, unknown> & {
  status: BolnaStatus;
  initiated_at: string | null;
  telephony_data: Record<string, unknown>;
};

/** One status change and the fields it brings. */
export type StatusChange = {
  status: BolnaStatus;
  fields?: Record<string, unknown>;
  telephony?: Record<string, unknown>;
};

export type Step = StatusChange & {
  /** Simulated milliseconds after the call was placed. */
  afterMs: number;
  /**
   * What happens next is decided only once this step has been sent: the agent's tools answer during the call
   * (lib/bolna/simulator/agent-tools.ts), so the rest of the conversation waits for them.
   */
  continueWith?: () => Promise<Step[]>;
};

export type NewCall = {
  executionId: string;
  agentId: string;
  recipientPhone: string;
  fromPhone: string;
  userData: Record<string, unknown>;
  createdAt: string;
  scheduledAt: string;
  status: "queued" | "scheduled" | "initiated";
  /** `inbound`: the candidate (recipientPhone) rang the agent's number (fromPhone). */
  direction?: "outbound" | "inbound";
  /** The retry_config of POST /call, echoed as Bolna does; null without one. */
  retryConfig: Record<string, unknown> | null;
};

/** A new execution with every key of Bolna's bodies, in Bolna's order (compare tests/fixtures/bolna/01-queued.json). */
export function newExecution(call: NewCall): ExecutionBody {
  const bill = billing(0, 0, "none");
  const inbound = call.direction === "inbound";
  return {
    id: call.executionId,
    agent_id: call.agentId,
    batch_id: null,
    created_at: call.createdAt,
    updated_at: call.createdAt,
    scheduled_at: call.scheduledAt,
    answered_by_voice_mail: null,
    conversation_duration: 0,
    total_cost: bill.total_cost,
    transcript: null,
    usage_breakdown: bill.usage_breakdown,
    cost_breakdown: bill.cost_breakdown,
    extracted_data: null,
    summary: null,
    error_message: null,
    status: call.status,
    agent_extraction: null,
    workflow_retries: null,
    rescheduled_at: null,
    custom_extractions: null,
    campaign_id: null,
    smart_status: call.status,
    user_number: call.recipientPhone,
    agent_number: call.fromPhone,
    initiated_at: null,
    deleted: false,
    retry_config: call.retryConfig,
    retry_count: 0,
    retry_history: null,
    telephony_data: {
      duration: null,
      // An inbound call runs from the candidate to the agent's number.
      to_number: inbound ? call.fromPhone : call.recipientPhone,
      from_number: inbound ? call.recipientPhone : call.fromPhone,
      recording_url: null,
      hosted_telephony: true,
      provider_call_id: null,
      call_type: inbound ? "inbound" : "outbound",
      provider: "twilio",
      hangup_by: null,
      hangup_reason: null,
      hangup_provider_code: null,
      ring_duration: null,
      post_dial_delay: null,
      to_number_carrier: null,
    },
    transfer_call_data: null,
    context_details: { recipient_data: call.userData, recipient_phone_number: call.recipientPhone },
    batch_run_details: null,
    provider: "twilio",
    latency_data: null,
    termination_reason: null,
  };
}

/** What a new attempt (one of Bolna's retries) starts without: the previous attempt's conversation and hang-up. */
export const NEW_ATTEMPT: Record<string, unknown> = {
  answered_by_voice_mail: null,
  conversation_duration: 0,
  transcript: null,
  extracted_data: null,
  summary: null,
  error_message: null,
};

export const NEW_ATTEMPT_TELEPHONY: Record<string, unknown> = {
  duration: null,
  recording_url: null,
  provider_call_id: null,
  hangup_by: null,
  hangup_reason: null,
  hangup_provider_code: null,
  ring_duration: null,
};

export function applyChange(body: ExecutionBody, change: StatusChange, now: string): ExecutionBody {
  return {
    ...body,
    ...change.fields,
    status: change.status,
    smart_status: change.status,
    updated_at: now,
    // A call counts as initiated once the phone rings; a call that failed before dialling never is.
    initiated_at: body.initiated_at ?? (change.status === "ringing" ? now : null),
    telephony_data: { ...body.telephony_data, ...change.telephony },
  };
}
