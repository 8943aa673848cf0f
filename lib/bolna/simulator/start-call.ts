import { randomUUID } from "node:crypto";
import type { RetryConfig } from "@/db/values";
import { DEMO_RECORDINGS_PATH } from "@/lib/demo/recording-audio";
import { createRandom, type Random } from "@/lib/seeded-random";
import { lookUpCaller, moveWithTools, extractedSlot, type AgentTools } from "./agent-tools";
import { formatBolnaTime } from "./bolna-clock";
import { newExecution } from "./execution-body";
import { inboundLifecycle, lifecycle } from "./lifecycle";
import type { CallRun, Runtime, SimulatedCall, createCallRunner } from "./run-call";
import { isAnswered, type ScenarioName, type ScenarioSetting } from "./scenarios";
import { readCallContext, type CallContext } from "./user-data";

/** Bolna dials from the agent's number when the request names none; this is the sample bodies' one. */
const AGENT_NUMBER = "+16282774700";

/** One call to start: placed with POST /call, from Bolna's dashboard, or rung in by a candidate (inbound). */
export type CallSpec = {
  agentId: string;
  /** The candidate's number: called, or calling. */
  phone: string;
  fromPhone?: string;
  userData: Record<string, unknown>;
  scheduledAt?: { micros: number; date: Date };
  scheduledAtAsSent?: string | null;
  retryConfig?: RetryConfig | null;
  direction?: "outbound" | "inbound";
  /** Overrides the number's scenario for this call. */
  scenario?: ScenarioName;
};

type Deps = {
  runtime: Runtime;
  runner: ReturnType<typeof createCallRunner>;
  random: Random;
  runs: Map<string, CallRun>;
  scenarioFor: (phone: string) => Required<ScenarioSetting>;
  /** The agent's tools (Callboard's /api/agent/*), when the simulated agent is configured with them. */
  tools: () => AgentTools | null;
  recordingUrl?: (executionId: string) => string;
};

/** A recording at the receiver's demo path (lib/demo/recording-audio.ts), or none without a receiver. */
function recordingBeside(webhookUrl: string | undefined, executionId: string): string | undefined {
  return webhookUrl ? new URL(`${DEMO_RECORDINGS_PATH}/${executionId}.wav`, webhookUrl).href : undefined;
}

/** What an inbound agent knows of its caller: only what the look-up answered (nothing for a stranger). */
function inboundContext(caller: Awaited<ReturnType<typeof lookUpCaller>>, base: CallContext): CallContext {
  if (!caller.known) return { ...base, candidateName: "the caller", firstName: "there", direction: "inbound" };
  return {
    ...base,
    candidateName: caller.firstName ?? "the caller",
    firstName: caller.firstName ?? "there",
    interviewSpoken: caller.spoken ?? base.interviewSpoken,
    originalSlot: caller.interviewAt ? extractedSlot(caller.interviewAt) : null,
    language: caller.language === "hi" ? "hi" : "en",
    direction: "inbound",
  };
}

export function createCallStarter(deps: Deps) {
  const { runtime, runner, runs } = deps;

  /** Starts a call and answers its execution; an inbound call first asks the look-up who is calling. */
  return async function startCall(spec: CallSpec): Promise<SimulatedCall> {
    const executionId = randomUUID();
    const setting = deps.scenarioFor(spec.phone);
    const scenario = spec.scenario ?? setting.name;
    const inbound = spec.direction === "inbound";
    const createdAt = runtime.clock();
    const scheduledAt = spec.scheduledAt ? formatBolnaTime(spec.scheduledAt.micros) : null;
    const startsInMs = spec.scheduledAt ? Math.max(0, spec.scheduledAt.date.getTime() - Date.now()) : 0;
    const fromPhone = spec.fromPhone ?? AGENT_NUMBER;
    const execution = newExecution({
      executionId,
      agentId: spec.agentId,
      recipientPhone: spec.phone,
      fromPhone,
      userData: spec.userData,
      createdAt,
      scheduledAt: scheduledAt ?? createdAt,
      status: inbound ? "initiated" : startsInMs > 0 ? "scheduled" : "queued",
      direction: spec.direction,
      retryConfig: spec.retryConfig ?? null,
    });
    const call: SimulatedCall = {
      executionId,
      agentId: spec.agentId,
      recipientPhone: spec.phone,
      fromPhone: spec.fromPhone ?? null,
      userData: spec.userData,
      scheduledAt,
      scheduledAtAsSent: spec.scheduledAtAsSent ?? null,
      scenario,
      dropWebhooks: setting.dropWebhooks,
      execution,
      direction: inbound ? "inbound" : "outbound",
      toolCalls: [],
    };
    const run: CallRun = { call, random: createRandom(Math.floor(deps.random.next() * 2 ** 32)), stopper: new AbortController() };
    const tools = deps.tools();
    let context = readCallContext(spec.userData);
    if (inbound) {
      const caller = tools
        ? await lookUpCaller(tools, { contactNumber: spec.phone, agentId: spec.agentId, executionId }, call.toolCalls)
        : { known: false };
      context = inboundContext(caller, context);
    }
    const scenarioOf = (attempt: number) =>
      attempt === 0 ? scenario : (setting.retries[Math.min(attempt, setting.retries.length) - 1] ?? scenario);
    const options = {
      disconnectedFirst: runtime.habits.disconnectedFirst,
      recordingUrl: deps.recordingUrl?.(executionId) ?? recordingBeside(runtime.webhook?.url, executionId),
      moveWithTools: tools ? () => moveWithTools(tools, executionId, context, run.random, call.toolCalls) : undefined,
    };
    runs.set(executionId, run);
    runner.start(run, {
      steps: (attempt) => {
        const name = scenarioOf(attempt);
        // Nobody rings the agent's line to not answer it: an inbound call is always a conversation.
        if (inbound)
          return inboundLifecycle(isAnswered(name) ? name : "confirmed", context, run.random, { ...options, startsInMs: 0 });
        return lifecycle(name, context, run.random, { ...options, startsInMs: attempt === 0 ? startsInMs : 0 });
      },
      retry: !inbound && spec.retryConfig?.enabled ? spec.retryConfig : null,
    });
    return call;
  };
}
