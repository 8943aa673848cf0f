import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { AgentTools } from "./agent-tools";
import { createBolnaClock } from "./bolna-clock";
import { parseCallRequest } from "./call-request";
import { listExecutions } from "./executions-list";
import { readJson, sendJson } from "./http-io";
import { createRandom } from "@/lib/seeded-random";
import { createCallRunner, type CallRun, type Habits, type Runtime, type SimulatedCall } from "./run-call";
import { scenarioForPhone, type ScenarioName, type ScenarioSetting } from "./scenarios";
import { createCallStarter } from "./start-call";

export type { ScenarioName } from "./scenarios";

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
  /** The agent's custom function tools and inbound look-up (Callboard's /api/agent/*); without them it uses none. */
  agentTools?: AgentTools;
  /** The agent every inbound and dashboard call belongs to. */
  agentId?: string;
  /**
   * The recording link of an answered call. By default it points at the webhook receiver's
   * `/api/demo/recordings/<execution id>.wav`, which Callboard serves in demo mode, so a demo recording plays;
   * without a receiver it is a made-up S3 link, as before.
   */
  recordingUrl?: (executionId: string) => string;
};

/** The next requests, whatever their route, fail this way: an HTTP status (with Bolna's `message`), or no answer. */
type InjectedFailure =
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
  /** Configures the agent's tools (Callboard's /api/agent/*) for the next calls; null removes them. */
  setAgentTools(tools: AgentTools | null): void;
  /**
   * The candidate at `from` rings the agent's number: the inbound agent looks the caller up (with the tools
   * configured), talks (booking with the tools when the scenario is a reschedule) and reports like any call.
   * Resolves to the execution id once the call has started.
   */
  callIn(call: { from: string; scenario?: ScenarioName; agentId?: string }): Promise<string>;
  /** A call placed from Bolna's own dashboard or a batch there: Callboard never asked for it. */
  placeFromDashboard(call: {
    to: string;
    scenario?: ScenarioName;
    agentId?: string;
    userData?: Record<string, unknown>;
  }): Promise<string>;
};

const ALL_HABITS: Habits = { duplicates: true, outOfOrder: true, disconnectedFirst: true };
const NO_HABITS: Habits = { duplicates: false, outOfOrder: false, disconnectedFirst: false };
const STOPPABLE = new Set(["queued", "scheduled"]);
/** The agent of calls the simulator starts by itself (inbound, from the dashboard) when none is named. */
const DEFAULT_AGENT_ID = "00000000-0000-4000-8000-00000000a6e7";

const ROUTES = {
  placeCall: /^\/call\/?$/,
  stopCall: /^\/call\/([^/]+)\/stop\/?$/,
  execution: /^\/executions\/([^/]+)\/?$/,
  executions: /^\/v2\/agent\/([^/]+)\/executions\/?$/,
};

export async function startBolnaSimulator(options: SimulatorOptions): Promise<BolnaSimulator> {
  const { port = 0, host = "127.0.0.1", apiKey, webhookUrl, speed = 1, deliveryHeaders = {} } = options;
  const defaultAgent = options.agentId ?? DEFAULT_AGENT_ID;
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
  let agentTools = options.agentTools ?? null;
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

  const startCall = createCallStarter({
    runtime,
    runner,
    random,
    runs,
    scenarioFor,
    tools: () => agentTools,
    recordingUrl: options.recordingUrl,
  });

  async function placeCall(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const parsed = body.ok ? parseCallRequest(body.value) : body;
    if (!parsed.ok) return sendJson(res, 400, { message: parsed.message });
    const { request } = parsed;
    const call = await startCall({
      agentId: request.agent_id,
      phone: request.recipient_phone_number,
      fromPhone: request.from_phone_number,
      userData: request.user_data ?? {},
      scheduledAt: request.scheduled_at,
      scheduledAtAsSent: (body.ok && (body.value as { scheduled_at?: string }).scheduled_at) || null,
      retryConfig: request.retry_config ?? null,
    });
    const status = call.execution.status;
    if (respondDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, respondDelayMs));
    sendJson(res, 200, { message: "done", status, execution_id: call.executionId });
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
    const url = new URL(req.url ?? "/", "http://simulator");
    const path = url.pathname;
    if (req.method === "POST" && ROUTES.placeCall.test(path)) return placeCall(req, res);
    const list = req.method === "GET" ? ROUTES.executions.exec(path) : null;
    if (list) {
      const all = [...runs.values()].map((run) => run.call.execution);
      const page = listExecutions(all, decodeURIComponent(list[1]!), url.searchParams);
      return page.ok ? sendJson(res, 200, page.page) : sendJson(res, 400, { message: page.message });
    }
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
    setAgentTools(tools) {
      agentTools = tools;
    },
    async callIn({ from, scenario, agentId }) {
      const call = await startCall({
        agentId: agentId ?? defaultAgent,
        phone: from,
        userData: {},
        direction: "inbound",
        scenario,
      });
      return call.executionId;
    },
    async placeFromDashboard({ to, scenario, agentId, userData }) {
      const call = await startCall({ agentId: agentId ?? defaultAgent, phone: to, userData: userData ?? {}, scenario });
      return call.executionId;
    },
  };
}
