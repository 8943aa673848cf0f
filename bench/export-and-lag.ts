import http from "node:http";
import { percentile, request, round } from "./http";
import { TARGETS, type Row } from "./report";
import { RssSampler, rssBytes } from "./server";

/** The health check's p99 while an export runs. */
const HEALTH_P99_TARGET_MS = 100;

export type ExportAndLag = {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** GET /api/health, one after another (each on a fresh connection) for as long as the export runs. */
  health: { count: number; p50Ms: number; p99Ms: number; maxMs: number; non200: number; failures: string[] };
  /** The server's own event-loop delay (p99 per second, and the largest single delay) as /api/health/ready says. */
  eventLoopLagMs: { p99: number; max: number };
};

/** Streams the whole export, counting lines and bytes, without keeping it. */
function download(url: string, token: string): Promise<{ rows: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}` }, agent: false }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
      });
      res.on("end", () => resolve({ rows: lines, bytes, status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/**
 * `GET /api/candidates/export` of every candidate, read as fast as this client can, while the health check is
 * asked again and again and the server's RSS sampled: the export's memory and the health check's p99 during it,
 * and the event loop's lag, from the server's own readiness figures.
 */
export async function measureExportAndLag(label: string, baseUrl: string, pid: number, token: string): Promise<ExportAndLag> {
  const rssBeforeBytes = rssBytes(pid) ?? 0;
  const rss = new RssSampler(pid).start(`export ${label}`);
  const agent = new http.Agent({ keepAlive: false });
  const latencies: number[] = [];
  let non200 = 0;
  const failures: string[] = [];
  // A check that fails outright (a reset connection) counts against the server; it must not end the run.
  const ask = (url: string) => {
    const asked = performance.now();
    return request(url, { agent, timeoutMs: 60_000 }).catch((error: Error) => {
      failures.push(error.message);
      return { status: 0, body: Buffer.alloc(0), totalMs: performance.now() - asked };
    });
  };
  let lagP99 = 0;
  let lagMax = 0;
  let running = true;
  const probing = (async () => {
    while (running) {
      const health = await ask(`${baseUrl}/api/health`);
      latencies.push(health.totalMs);
      if (health.status !== 200) non200 += 1;
      if (latencies.length % 10 === 0) {
        const answer = await ask(`${baseUrl}/api/health/ready`);
        const ready = (answer.status === 200 ? JSON.parse(answer.body.toString()) : {}) as {
          checks?: { eventLoop?: { p99Ms?: number; maxMs?: number } };
        };
        lagP99 = Math.max(lagP99, ready.checks?.eventLoop?.p99Ms ?? 0);
        lagMax = Math.max(lagMax, ready.checks?.eventLoop?.maxMs ?? 0);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  try {
    const exported = await download(`${baseUrl}/api/candidates/export`, token);
    if (exported.status !== 200) throw new Error(`the export answered ${exported.status}`);
    const seconds = round((performance.now() - started) / 1000, 1);
    running = false;
    await probing;
    latencies.sort((a, b) => a - b);
    return {
      label,
      // Every row but the last ends a line, and so does the header: the line breaks count the candidates.
      rows: exported.rows,
      bytes: exported.bytes,
      seconds,
      rssBeforeBytes,
      peakRssBytes: rss.peak,
      health: {
        count: latencies.length,
        p50Ms: round(percentile(latencies, 50), 1),
        p99Ms: round(percentile(latencies, 99), 1),
        maxMs: round(latencies.at(-1) ?? NaN, 1),
        non200,
        failures: failures.slice(0, 5),
      },
      eventLoopLagMs: { p99: lagP99, max: lagMax },
    };
  } finally {
    running = false;
    rss.stop();
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/** The rows of the bench's table for one export measurement. */
export function exportRows(result: ExportAndLag): Row[] {
  return [
    {
      metric: `CSV export at ${result.label} (${result.rows.toLocaleString("en")} rows, ${mb(result.bytes)}, ${result.seconds} s): peak RSS`,
      value: `${mb(result.peakRssBytes)} (${mb(result.rssBeforeBytes)} before)`,
      target: `≤ ${mb(TARGETS.rssBytes)}`,
      result: result.peakRssBytes <= TARGETS.rssBytes ? "PASS" : "FAIL",
    },
    {
      metric: `  /api/health during it: p50 / p99 (${result.health.count} asks, ${result.health.non200} not 200${result.health.failures.length > 0 ? `: ${result.health.failures.join("; ")}` : ""})`,
      value: `${result.health.p50Ms} / ${result.health.p99Ms} ms`,
      target: `p99 < ${HEALTH_P99_TARGET_MS} ms`,
      result: result.health.p99Ms < HEALTH_P99_TARGET_MS && result.health.non200 === 0 ? "PASS" : "FAIL",
    },
    {
      metric: "  event-loop lag during it: p99 per second / largest",
      value: `${result.eventLoopLagMs.p99} / ${result.eventLoopLagMs.max} ms`,
      target: "info",
      result: "info",
    },
  ];
}
