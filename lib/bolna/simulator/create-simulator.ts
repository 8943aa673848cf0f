import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createBolnaClock, formatBolnaTime } from "./bolna-clock";
import { parseCallRequest } from "./call-request";
import { newExecution } from "./execution-body";
import { readJson, sendJson } from "./http-io";
import { lifecycle } from "./lifecycle";
import { createRandom } from "@/lib/seeded-random";
import { createCallRunner, type CallRun, type Habits, type Runtime, type SimulatedCall } from "./run-call";
import { scenarioForPhone, type ScenarioName, type ScenarioSetting } from "./scenarios";
import { readCallContext } from "./user-data";
import { DEMO_RECORDINGS_PATH } from "@/lib/demo/recording-audio";

export type { Habits, SimulatedCall } from "./run-call";
export { SCENARIOS, SCENARIO_BY_LAST_DIGIT, type ScenarioName, type ScenarioSetting } from "./scenarios";

export type SimulatorOptions = {
  port?: number;
  host?: string;
  /** The only key accepted as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** Where execution bodies are POSTed; without one nothing is delivered, as for an agent with no webhook. */
  webhookUrl?: string;
  /** Divides every delay, including the wait until `scheduled_at`; 1 plays a call over about 15 s. */
  speed?: number;
  /** Seeds every random choice; the default is a random seed. */
  seed?: number;
  /** Extra headers on every delivery, like a Bolna agent's custom webhook headers. */
  deliveryHeaders?: Record<string, string>;
  /** Bolna's delivery habits, all on by default; `false` turns them all off. */
  habits?: Partial<Habits> | false;
  /** Lose every webhook of every call; `setScenario` can do it for one number. */
  dropWebhooks?: boolean;
  /**
   * Real milliseconds (not divided by `speed`) between starting a call and answering POST /call, so that the
   * call's first webhooks can arrive before the answer, as they sometimes do with Bolna.
   */
  respondDelayMs?: number;
  /**
   * The recording link of an answered call. By default it points at the webhook receiver's
   * `/api/demo/recordings/<execution id>.wav`, which Callboard serves in demo mode, so a demo recording plays;
   * without a receiver it is a made-up S3 link, as before.
   */
  recordingUrl?: (executionId: string) => string;
};

/** The next requests, whatever their route, fail this way: an HTTP status (with Bolna's `message`), or no answer. */
export type InjectedFailure =
  { status: number; message?: string; retryAfterSeconds?: number; times?: number } | { hang: true; times?: number };

export type BolnaSimulator = {
  url: string;
  /** Stops the server, every pending status change and every delivery. */
  close(): Promise<void>;
  calls(): SimulatedCall[];
  /** How calls to `phone` end, or to every number without its own setting when `phoneOrDefault` is "default". */
  setScenario(phoneOrDefault: string, scenario: ScenarioName | ScenarioSetting): void;
  failNext(failure: InjectedFailure): void;
  /** Where later deliveries go (for a receiver whose address is known only after the simulator started). */
  setWebhookUrl(url: string | null): void;
  /** Changes `respondDelayMs` for the next calls. */
  setRespondDelay(ms: number): void;
};

const ALL_HABITS: Habits = { duplicates: true, outOfOrder: true, disconnectedFirst: true };
const NO_HABITS: Habits = { duplicates: false, outOfOrder: false, disconnectedFirst: false };
/** Bolna dials from the agent's number when the request names none; this is the sample bodies' one. */
const AGENT_NUMBER = "+16282774700";
const STOPPABLE = new Set(["queued", "scheduled"]);

/** A recording at the receiver's demo path (lib/demo/recording-audio.ts), or none without a receiver. */
function recordingBeside(webhookUrl: string | undefined, executionId: string): string | undefined {
  return webhookUrl ? new URL(`${DEMO_RECORDINGS_PATH}/${executionId}.wav`, webhookUrl).href : undefined;
}

const ROUTES = {
  placeCall: /^\/call\/?$/,
  stopCall: /^\/call\/([^/]+)\/stop\/?$/,
  execution: /^\/executions\/([^/]+)\/?$/,
};

export async function startBolnaSimulator(options: SimulatorOptions): Promise<BolnaSimulator> {
  const { port = 0, host = "127.0.0.1", apiKey, webhookUrl, speed = 1, deliveryHeaders = {} } = options;
  if (!(speed > 0 && Number.isFinite(speed))) throw new RangeError("speed must be a positive number");
  const random = createRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const habits = options.habits === false ? NO_HABITS : { ...ALL_HABITS, ...options.habits };
  const closing = new AbortController();
  const clock = createBolnaClock();
  const runtime: Runtime = {
    speed,
    habits,
    clock,
    closing: closing.signal,
    webhook: webhookUrl ? { url: webhookUrl, headers: deliveryHeaders } : null,
  };
  const runner = createCallRunner(runtime);
  let respondDelayMs = options.respondDelayMs ?? 0;
  const runs = new Map<string, CallRun>();
  const scenarios = new Map<string, ScenarioSetting>();
  const failures: { failure: InjectedFailure; remaining: number }[] = [];

  function scenarioFor(phone: string): Required<ScenarioSetting> {
    const setting = scenarios.get(phone) ?? scenarios.get("default");
    return {
      name: setting?.name ?? scenarioForPhone(phone),
      dropWebhooks: setting?.dropWebhooks ?? options.dropWebhooks ?? false,
      retries: setting?.retries ?? [],
    };
  }

  async function placeCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const parsed = body.ok ? parseCallRequest(body.value) : body;
    if (!parsed.ok) return sendJson(res, 400, { message: parsed.message });
    const { request } = parsed;
    const executionId = randomUUID();
    const scenario = scenarioFor(request.recipient_phone_number);
    const createdAt = clock();
    const scheduledAt = request.scheduled_at ? formatBolnaTime(request.scheduled_at.micros) : null;
    const startsInMs = request.scheduled_at ? Math.max(0, request.scheduled_at.date.getTime() - Date.now()) : 0;
    const userData = request.user_data ?? {};
    const execution = newExecution({
      executionId,
      agentId: request.agent_id,
      recipientPhone: request.recipient_phone_number,
      fromPhone: request.from_phone_number ?? AGENT_NUMBER,
      userData,
      createdAt,
      scheduledAt: scheduledAt ?? createdAt,
      status: startsInMs > 0 ? "scheduled" : "queued",
      retryConfig: request.retry_config ?? null,
    });
    const call: SimulatedCall = {
      executionId,
      agentId: request.agent_id,
      recipientPhone: request.recipient_phone_number,
      fromPhone: request.from_phone_number ?? null,
      userData,
      scheduledAt,
      scheduledAtAsSent: (body.ok && (body.value as { scheduled_at?: string }).scheduled_at) || null,
      scenario: scenario.name,
      dropWebhooks: scenario.dropWebhooks,
      execution,
    };
    const run: CallRun = {
      call,
      random: createRandom(Math.floor(random.next() * 2 ** 32)),
      stopper: new AbortController(),
    };
    const context = readCallContext(userData);
    const scenarioOf = (attempt: number) =>
      attempt === 0 ? scenario.name : (scenario.retries[Math.min(attempt, scenario.retries.length) - 1] ?? scenario.name);
    const recordingUrl = options.recordingUrl?.(executionId) ?? recordingBeside(runtime.webhook?.url, executionId);
    runs.set(executionId, run);
    runner.start(run, {
      steps: (attempt) =>
        lifecycle(scenarioOf(attempt), context, run.random, {
          disconnectedFirst: habits.disconnectedFirst,
          startsInMs: attempt === 0 ? startsInMs : 0,
          recordingUrl,
        }),
      retry: request.retry_config?.enabled ? request.retry_config : null,
    });
    if (respondDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, respondDelayMs));
    sendJson(res, 200, { message: "done", status: execution.status, execution_id: executionId });
  }

  function stopCall(res: ServerResponse, run: CallRun): void {
    const { status } = run.call.execution;
    if (!STOPPABLE.has(status)) {
      return sendJson(res, 400, { message: `Only a queued or scheduled call can be stopped; this call is ${status}` });
    }
    runner.stop(run);
    sendJson(res, 200, { message: "done", status: "stopped", execution_id: run.call.executionId });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const injected = failures[0];
    if (injected) {
      if (--injected.remaining <= 0) failures.shift();
      const { failure } = injected;
      if ("hang" in failure) return;
      const headers: Record<string, string> = failure.retryAfterSeconds
        ? { "retry-after": String(failure.retryAfterSeconds) }
        : {};
      return sendJson(res, failure.status, { message: failure.message ?? `Simulated failure (${failure.status})` }, headers);
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) return sendJson(res, 401, { message: "Invalid API key" });
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    if (req.method === "POST" && ROUTES.placeCall.test(path)) return placeCall(req, res);
    const stop = req.method === "POST" ? ROUTES.stopCall.exec(path) : null;
    const get = req.method === "GET" ? ROUTES.execution.exec(path) : null;
    const id = (stop ?? get)?.[1];
    if (id === undefined) return sendJson(res, 404, { message: "Not found" });
    const run = runs.get(decodeURIComponent(id));
    if (!run) return sendJson(res, 404, { message: "Execution not found" });
    return stop ? stopCall(res, run) : sendJson(res, 200, run.call.execution);
  }

  const server = createServer((req, res) => {
    // The demo runs this inside the app's process: a bug here must fail one request, not the process.
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { message: "Internal server error", detail: String(error) });
    });
  });
  server.listen(port, host);
  await once(server, "listening");
  const address = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`,
    async close() {
      closing.abort();
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
    calls: () => structuredClone([...runs.values()].map((run) => run.call)),
    setScenario(phoneOrDefault, scenario) {
      scenarios.set(phoneOrDefault, typeof scenario === "string" ? { name: scenario } : scenario);
    },
    failNext(failure) {
      failures.push({ failure, remaining: failure.times ?? 1 });
    },
    setWebhookUrl(url) {
      runtime.webhook = url ? { url, headers: deliveryHeaders } : null;
    },
    setRespondDelay(ms) {
      respondDelayMs = ms;
    },
  };
}
