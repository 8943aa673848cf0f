import { setTimeout as wait } from "node:timers/promises";
import type { RetryConfig } from "@/db/values";
import { formatBolnaTime } from "./bolna-clock";
import {
  applyChange,
  NEW_ATTEMPT,
  NEW_ATTEMPT_TELEPHONY,
  type ExecutionBody,
  type StatusChange,
  type Step,
} from "./execution-body";
import type { Random } from "@/lib/seeded-random";
import type { ScenarioName } from "./scenarios";
import { deliverWebhook, type WebhookTarget } from "./webhook-delivery";

/** Bolna's delivery habits that a webhook receiver must survive (reference §2, §4). */
export type Habits = {
  /** Some bodies arrive twice. */
  duplicates: boolean;
  /** Some non-terminal bodies arrive after the next one, sometimes after the terminal one. */
  outOfOrder: boolean;
  /** Answered calls report `call-disconnected` (transcript, no extraction yet) before `completed`. */
  disconnectedFirst: boolean;
};

export type SimulatedCall = {
  executionId: string;
  agentId: string;
  recipientPhone: string;
  fromPhone: string | null;
  /** The `user_data` sent with POST /call. */
  userData: Record<string, unknown>;
  scheduledAt: string | null;
  /** scheduled_at exactly as POST /call sent it (offset included), for tests to read. */
  scheduledAtAsSent: string | null;
  scenario: ScenarioName;
  dropWebhooks: boolean;
  /** The latest state: what GET /executions/:id answers. */
  execution: ExecutionBody;
  /** `inbound`: the candidate rang the agent's number (SimulatorControls.callIn). */
  direction: "outbound" | "inbound";
  /** What the agent's tools answered during the call (lib/bolna/simulator/agent-tools.ts), in order. */
  toolCalls: { tool: string; status: number; body: unknown }[];
};

/** A call being played out. Each call has its own seeded generator, so overlapping calls stay reproducible. */
export type CallRun = { call: SimulatedCall; random: Random; stopper: AbortController };

/**
 * What to play: the steps of each attempt (0: the call as placed; 1, 2, 3: Bolna's retries), and the call's
 * retry_config, which decides whether a retry follows an attempt.
 */
export type AttemptPlan = { steps: (attempt: number) => Step[]; retry: RetryConfig | null };

export type Runtime = {
  speed: number;
  habits: Habits;
  clock: () => string;
  /** Aborted when the simulator closes: every wait and delivery stops with it. */
  closing: AbortSignal;
  webhook: { url: string; headers: Record<string, string> } | null;
};

const DUPLICATE_RATE = 0.3;
const OUT_OF_ORDER_RATE = 0.3;
/** Simulated delays: a duplicate follows its twin; a late body lands after the next status. */
const DUPLICATE_AFTER_MS = 400;
const LATE_BY_MS = 600;
/**
 * The latest a body of a call lands after its last status (at speed 1): the one before it, sent late, and that
 * one's duplicate. A test that deletes the candidate and adds them again waits this long first, or a late body
 * finds the new candidate by the phone.
 */
export const LAST_BODY_AFTER_LAST_STATUS_MS = LATE_BY_MS + DUPLICATE_AFTER_MS;

function ignoreAbort(error: unknown): void {
  if (!(error instanceof Error && error.name === "AbortError")) throw error;
}

export function createCallRunner(runtime: Runtime) {
  // In-order deliveries of one call go out one after another, as Bolna sends them; only the habits reorder.
  const inOrder = new WeakMap<CallRun, Promise<void>>();

  function deliver(run: CallRun, body: ExecutionBody, afterMs: number): void {
    // Read at each delivery: the target can be set after the simulator started (setWebhookUrl).
    const target: WebhookTarget | null = runtime.webhook && {
      ...runtime.webhook,
      speed: runtime.speed,
      signal: runtime.closing,
    };
    if (!target || run.call.dropWebhooks) return;
    const text = JSON.stringify(body);
    if (afterMs === 0) {
      const previous = inOrder.get(run) ?? Promise.resolve();
      inOrder.set(run, previous.then(() => deliverWebhook(text, target)).catch(ignoreAbort));
      return;
    }
    wait(afterMs / runtime.speed, undefined, { signal: runtime.closing })
      .then(() => deliverWebhook(text, target))
      .catch(ignoreAbort);
  }

  /** Moves the call to its next state and sends that state, with Bolna's habits. */
  function publish(run: CallRun, change: StatusChange, gapToNextMs?: number): void {
    run.call.execution = applyChange(run.call.execution, change, runtime.clock());
    const late = gapToNextMs !== undefined && runtime.habits.outOfOrder && run.random.chance(OUT_OF_ORDER_RATE);
    const delay = late ? gapToNextMs + LATE_BY_MS : 0;
    deliver(run, run.call.execution, delay);
    if (runtime.habits.duplicates && run.random.chance(DUPLICATE_RATE)) {
      deliver(run, run.call.execution, delay + DUPLICATE_AFTER_MS);
    }
  }

  async function playSteps(run: CallRun, steps: Step[], signal: AbortSignal): Promise<void> {
    let elapsed = 0;
    const queue = [...steps];
    for (let index = 0; index < queue.length; index++) {
      const step = queue[index]!;
      await wait(Math.max(0, step.afterMs - elapsed) / runtime.speed, undefined, { signal });
      elapsed = step.afterMs;
      const next = queue[index + 1];
      publish(run, step, next && next.afterMs - step.afterMs);
      if (step.continueWith) queue.push(...(await step.continueWith()));
    }
  }

  /** Whether Bolna retries after this attempt's end: a status it retries on, or a voicemail when asked to. */
  function retries(body: ExecutionBody, config: RetryConfig | null, attempt: number): boolean {
    if (!config?.enabled || attempt >= config.max_retries) return false;
    if (body.answered_by_voice_mail === true) return config.retry_on_voicemail;
    return (config.retry_on_statuses as string[]).includes(body.status);
  }

  /**
   * Plays every attempt of the call. Between attempts, as Bolna does (bolna.ai/docs/auto-retry), the same execution
   * goes back to `scheduled` with `retry_count`, `retry_history` and the `scheduled_at` of the retry, and the
   * attempt's own fields (transcript, recording, …) start empty again. Intervals are divided by the speed.
   */
  async function play(run: CallRun, plan: AttemptPlan): Promise<void> {
    const signal = AbortSignal.any([runtime.closing, run.stopper.signal]);
    for (let attempt = 0; ; attempt++) {
      await playSteps(run, plan.steps(attempt), signal);
      const ended = run.call.execution;
      if (!retries(ended, plan.retry, attempt)) return;
      const intervals = plan.retry!.retry_intervals_minutes;
      const waitMs = (intervals[Math.min(attempt, intervals.length - 1)]! * 60_000) / runtime.speed;
      const history = Array.isArray(ended.retry_history) ? ended.retry_history : [];
      publish(run, {
        status: "scheduled",
        fields: {
          ...NEW_ATTEMPT,
          retry_count: attempt + 1,
          retry_history: [...history, { attempt: attempt + 1, status: ended.status, at: ended.updated_at }],
          scheduled_at: formatBolnaTime(Math.floor((Date.now() + waitMs) * 1000)),
        },
        telephony: NEW_ATTEMPT_TELEPHONY,
      });
      await wait(waitMs, undefined, { signal });
    }
  }

  return {
    start(run: CallRun, plan: AttemptPlan): void {
      play(run, plan).catch(ignoreAbort);
    },
    /** Ends a queued or scheduled call (a scheduled retry too): its remaining steps and attempts never happen. */
    stop(run: CallRun): void {
      run.stopper.abort();
      publish(run, { status: "stopped" });
    },
  };
}
