import { setTimeout as wait } from "node:timers/promises";
import { applyChange, type ExecutionBody, type StatusChange, type Step } from "./execution-body";
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
  scenario: ScenarioName;
  dropWebhooks: boolean;
  /** The latest state: what GET /executions/:id answers. */
  execution: ExecutionBody;
};

/** A call being played out. Each call has its own seeded generator, so overlapping calls stay reproducible. */
export type CallRun = { call: SimulatedCall; random: Random; stopper: AbortController };

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

  async function play(run: CallRun, steps: Step[]): Promise<void> {
    const signal = AbortSignal.any([runtime.closing, run.stopper.signal]);
    let elapsed = 0;
    for (const [index, step] of steps.entries()) {
      await wait((step.afterMs - elapsed) / runtime.speed, undefined, { signal });
      elapsed = step.afterMs;
      const next = steps[index + 1];
      publish(run, step, next && next.afterMs - step.afterMs);
    }
  }

  return {
    start(run: CallRun, steps: Step[]): void {
      play(run, steps).catch(ignoreAbort);
    },
    /** Ends a queued or scheduled call: its remaining steps never happen. */
    stop(run: CallRun): void {
      run.stopper.abort();
      publish(run, { status: "stopped" });
    },
  };
}
