import { request, round } from "./http";
import { runLoad, type LoadResult } from "./load";
import { cpuMs, RssSampler } from "./server";

/** Bounds in count as well as time: no loopback load can run away even if the server answers instantly. */
const MAX_REQUESTS_PER_S = 20_000;
const CONNECTIONS = 50;

type LoopLag = { p50: number; p99: number; max: number };

export type IngestResult = {
  webhook?: LoadResult;
  noop?: LoadResult;
  /** Webhook req/s over the no-op's. */
  ratio: number | null;
  webhookPeakRssBytes: number | null;
  /** The webhook load's span in CLOCK_MONOTONIC µs, the clock of V8's CPU profiles. */
  webhookWindow: { fromUs: number; toUs: number } | null;
};

type Options = {
  url: string;
  /** The serving process: its CPU time per request comes from /proc. */
  pid: number;
  nextBody: () => string;
  seconds: { load: number; warmup: number };
  phases: { webhook: boolean; noop: boolean };
  /** The run's RSS sampler: each load is a phase of its own. */
  overall?: RssSampler;
  log: (message: string) => void;
  warnings: string[];
  /** Prefixed to log lines and warnings ("1M: "). */
  prefix?: string;
};

/** What the bench-only /api/bench/runtime tells of the server: its event-loop delay since the previous call and its memory. */
type Runtime = {
  loopLag: LoopLag;
  memory: { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };
  heapSpaces: Record<string, number>;
};

/** Called once before a load or a page series (which starts a new event-loop count) and once after it. */
export async function serverRuntime(url: string): Promise<Runtime | undefined> {
  const answer = await request(`${url}/api/bench/runtime`);
  if (answer.status !== 200) return undefined;
  const runtime = JSON.parse(answer.body.toString()) as Runtime;
  const { p50, p99, max } = runtime.loopLag;
  return { ...runtime, loopLag: { p50: round(p50, 1), p99: round(p99, 1), max: round(max, 1) } };
}

/**
 * Webhook ingest against the no-op route handler on the same server, with the same bodies: autocannon, 50
 * connections, distinct bodies; each load with the server's own CPU time per request (from /proc, robust to a
 * busy machine, unlike req/s) and the event-loop delay it saw.
 */
export async function measureIngest(options: Options): Promise<IngestResult> {
  const { url, pid, phases, log, warnings } = options;
  const prefix = options.prefix ?? "";
  const result: IngestResult = { ratio: null, webhookPeakRssBytes: null, webhookWindow: null };

  const load = async (label: string, path: string, durationS: number, connections = CONNECTIONS): Promise<LoadResult> => {
    options.overall?.phase(`${prefix}${label}`);
    await serverRuntime(url);
    const cpuBefore = cpuMs(pid) ?? 0;
    const loopBefore = cpuMs(pid, pid) ?? 0;
    const ownBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const loaded = await runLoad({
      label,
      baseUrl: url,
      path,
      connections,
      durationS,
      maxRequests: durationS * MAX_REQUESTS_PER_S,
      nextBody: options.nextBody,
    });
    const spent = (cpuMs(pid) ?? 0) - cpuBefore;
    const own = process.cpuUsage(ownBefore);
    const perRequest = (ms: number) => round(ms / Math.max(1, loaded.requests), 2);
    loaded.server = {
      cpuMs: spent,
      cpuMsPerRequest: perRequest(spent),
      coresUsed: round(spent / (performance.now() - wallBefore), 2),
      eventLoopMsPerRequest: perRequest((cpuMs(pid, pid) ?? 0) - loopBefore),
    };
    loaded.loadGeneratorMsPerRequest = perRequest((own.user + own.system) / 1000);
    const after = await serverRuntime(url);
    loaded.loopLagMs = after?.loopLag;
    loaded.memoryAfter = after && { ...after.memory, heapSpaces: after.heapSpaces };
    return loaded;
  };
  const describe = (load: LoadResult) =>
    `${load.reqPerSec} req/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, server CPU ${load.server?.cpuMsPerRequest} ms/req on ${load.server?.coresUsed} cores, event-loop lag p99 ${load.loopLagMs?.p99 ?? "?"} ms`;

  if (phases.webhook) {
    log(`${prefix}webhook warm-up ${options.seconds.warmup} s`);
    await load("warm-up", "/api/webhook", options.seconds.warmup, 10);
    log(`${prefix}webhook load: ${CONNECTIONS} connections, ${options.seconds.load} s`);
    const sampler = new RssSampler(pid).start("webhook");
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    const webhook = await load("webhook", "/api/webhook", options.seconds.load);
    result.webhookWindow = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
    result.webhookPeakRssBytes = sampler.stop().peakBytes;
    result.webhook = webhook;
    log(
      `${prefix}webhook: ${describe(webhook)}, non-2xx ${webhook.non2xx}, errors ${webhook.errors}, results ${JSON.stringify(webhook.results)}`,
    );
    // autocannon counts a timeout as an error too.
    if (webhook.non2xx + webhook.errors > 0)
      warnings.push(
        `${prefix}webhook: ${webhook.non2xx} non-2xx, ${webhook.errors} socket errors (of which ${webhook.timeouts} timeouts after 10 s); first bodies: ${JSON.stringify(webhook.firstErrorBodies)} ${JSON.stringify(webhook.firstSocketErrors)}`,
      );
    if ((webhook.results.unmatched ?? 0) > 0)
      warnings.push(
        `${prefix}webhook: ${webhook.results.unmatched} deliveries matched no candidate (the bodies target seeded phones: check the seed)`,
      );
  }

  if (phases.noop) {
    const probe = await request(`${url}/api/bench/noop`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: options.nextBody(),
    });
    if (probe.status !== 200)
      throw new Error(`POST /api/bench/noop answered ${probe.status}: is BENCH_NOOP_ROUTE=1 reaching the server?`);
    await load("noop warm-up", "/api/bench/noop", options.seconds.warmup, 10);
    log(`${prefix}no-op load: ${CONNECTIONS} connections, ${options.seconds.load} s`);
    const noop = await load("noop", "/api/bench/noop", options.seconds.load);
    result.noop = noop;
    log(`${prefix}no-op: ${describe(noop)}`);
    result.ratio = result.webhook ? round(result.webhook.reqPerSec / noop.reqPerSec, 3) : null;
  }
  return result;
}
