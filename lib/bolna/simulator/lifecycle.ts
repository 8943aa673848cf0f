import { billing } from "./billing";
import { conversationOf, converse, type Conversation, type Ending } from "./conversation";
import type { Step } from "./execution-body";
import type { Random } from "@/lib/seeded-random";
import { isAnswered, type AnsweredScenario, type ScenarioName, type UnansweredScenario } from "./scenarios";
import type { CallContext } from "./user-data";

/**
 * When each status arrives, in simulated milliseconds: at speed 1 a recruiter watches ringing → in-progress →
 * completed over about 15 s. Real calls take minutes; the durations inside the bodies stay realistic.
 */
const AT = {
  queued: 300,
  ringing: 2_500,
  busy: 5_000,
  answered: 5_500,
  hungUp: 12_000,
  /** Bolna's post-call processing (extraction, summary) takes seconds to minutes after the hang-up. */
  processed: 15_000,
  ringedOut: 12_000,
};

export type LifecycleOptions = {
  /** Send `call-disconnected` (transcript, no extraction yet) before `completed`, as Bolna does. */
  disconnectedFirst: boolean;
  /** Simulated milliseconds until `scheduled_at`; 0 for a call placed now. */
  startsInMs: number;
  /** The answered call's `recording_url`; a made-up S3 link when absent. */
  recordingUrl?: string;
  /**
   * A reschedule talked through the agent's tools (lib/bolna/simulator/agent-tools.ts): it runs once the call is
   * in progress, so Callboard knows the call by then, and the rest of the call follows from what they answered.
   */
  moveWithTools?: () => Promise<Ending>;
};

function answeredCall(scenario: AnsweredScenario, context: CallContext, random: Random, options: LifecycleOptions): Step[] {
  const inProgress: Step = { afterMs: AT.answered, status: "in-progress" };
  const { moveWithTools } = options;
  if (scenario === "rescheduled" && moveWithTools) {
    const continueWith = async () => afterTheTalk(conversationOf(await moveWithTools(), context, random), random, options);
    return [{ ...inProgress, continueWith }];
  }
  return [inProgress, ...afterTheTalk(converse(scenario, context, random), random, options)];
}

/** The hang-up and Bolna's processing after it: `call-disconnected` (if that habit is on), then `completed`. */
function afterTheTalk(talk: Conversation, random: Random, options: LifecycleOptions): Step[] {
  const { disconnectedFirst } = options;
  // Bolna's transfer tool leaves its result on the execution (reference §8).
  const transfer = talk.transferredTo ? { transfer_call_data: { transfer_to: talk.transferredTo, status: "completed" } } : {};
  const ringSeconds = 3 + Math.floor(random.next() * 8);
  const said = { conversation_duration: talk.seconds, transcript: talk.transcript };
  const completed: Step = {
    afterMs: disconnectedFirst ? AT.processed : AT.hungUp,
    status: "completed",
    fields: {
      ...said,
      ...transfer,
      ...billing(talk.seconds, talk.agentCharacters, "processed"),
      extracted_data: talk.extractedData,
      summary: talk.summary,
    },
    telephony: {
      duration: String(Math.ceil(talk.seconds + 1)),
      recording_url:
        options.recordingUrl ??
        `https://bolna-call-recordings.s3.us-east-1.amazonaws.com/AC${random.hex(32)}/RE${random.hex(32)}`,
      hangup_by: "Callee",
      hangup_reason: "Call recipient hungup",
      hangup_provider_code: 4000,
      ring_duration: ringSeconds,
      post_dial_delay: 1,
    },
  };
  const steps: Step[] = [];
  if (disconnectedFirst) {
    steps.push({
      afterMs: AT.hungUp,
      status: "call-disconnected",
      fields: { ...said, ...transfer, ...billing(talk.seconds, talk.agentCharacters, "talked") },
      telephony: { duration: "0.0", recording_url: "" },
    });
  }
  return [...steps, completed];
}

/** An inbound call: the candidate rang, so there is no queue and no ringing on Bolna's side of the line. */
export function inboundLifecycle(scenario: AnsweredScenario, context: CallContext, random: Random, options: LifecycleOptions) {
  return answeredCall(scenario, context, random, options);
}

/**
 * A machine picks up; Bolna's voicemail detection hangs up after the greeting. The greeting's own words ("Yes,
 * …") must not read as a confirmation: only `answered_by_voice_mail` tells the truth.
 */
function voicemail(context: CallContext, random: Random, recordingUrl: string | undefined): Step[] {
  const transcript =
    "assistant: Hello, this is Ava, calling about your job application.\n" +
    `user: Hi, you've reached ${context.firstName}. Yes, I'll call you back, please leave a message after the tone.\n`;
  return [
    { afterMs: AT.answered, status: "in-progress" },
    {
      afterMs: AT.hungUp,
      status: "completed",
      fields: {
        answered_by_voice_mail: true,
        conversation_duration: 9.2,
        transcript,
        summary: "The call reached a voicemail greeting; no message was left.",
        ...billing(9.2, 52, "processed"),
      },
      telephony: {
        duration: "11",
        recording_url:
          recordingUrl ?? `https://bolna-call-recordings.s3.us-east-1.amazonaws.com/AC${random.hex(32)}/RE${random.hex(32)}`,
        hangup_by: "System",
        hangup_reason: "Voicemail detected",
        hangup_provider_code: 4000,
        ring_duration: 6,
      },
    },
  ];
}

function unansweredEnd(scenario: Exclude<UnansweredScenario, "voicemail">): Step {
  switch (scenario) {
    case "no-answer":
      return {
        afterMs: AT.ringedOut,
        status: "no-answer",
        telephony: {
          duration: "0.0",
          hangup_by: "Carrier",
          hangup_reason: "No answer",
          hangup_provider_code: 3020,
          ring_duration: 45,
        },
      };
    case "busy":
      return { afterMs: AT.busy, status: "busy", telephony: { duration: "0.0" } };
    case "failed":
      return {
        afterMs: AT.ringing,
        status: "failed",
        fields: { error_message: "Call failed: the destination number could not be reached" },
        telephony: { duration: "0.0", hangup_by: "Error", hangup_reason: "Call failed", hangup_provider_code: 3080 },
      };
  }
}

/** Every status change of one call after it was placed, in order, ending in a terminal status. */
export function lifecycle(scenario: ScenarioName, context: CallContext, random: Random, options: LifecycleOptions): Step[] {
  const queued: Step = { afterMs: AT.queued, status: "queued" };
  const ringing: Step = {
    afterMs: AT.ringing,
    status: "ringing",
    telephony: { provider_call_id: `CA${random.hex(32)}` },
  };
  const steps = isAnswered(scenario)
    ? [queued, ringing, ...answeredCall(scenario, context, random, options)]
    : scenario === "voicemail"
      ? [queued, ringing, ...voicemail(context, random, options.recordingUrl)]
      : scenario === "failed"
        ? [queued, unansweredEnd(scenario)]
        : [queued, ringing, unansweredEnd(scenario)];
  if (options.startsInMs <= 0) return steps;
  const scheduled: Step = { afterMs: AT.queued, status: "scheduled" };
  return [scheduled, ...steps.map((step) => ({ ...step, afterMs: step.afterMs + options.startsInMs }))];
}
