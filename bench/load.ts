import autocannon from "autocannon";
import { round } from "./http";

export type LoadOptions = {
  label: string;
  baseUrl: string;
  path: string;
  connections: number;
  durationS: number;
  /** A hard bound on the number of requests, besides the duration. */
  maxRequests: number;
  /** A new body per request; omit for a bodiless GET. */
  nextBody?: () => string;
  headers?: Record<string, string>;
};

export type LoadResult = {
  label: string;
  path: string;
  connections: number;
  durationS: number;
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few non-2xx answers, as sent. */
  firstErrorBodies: { status: number; body: string }[];
  /** The first few socket-level errors. */
  firstSocketErrors: string[];
  /** Counts of the webhook's `result` field in 2xx answers (applied, stale, duplicate, unmatched). */
  results: Record<string, number>;
  bodyBytes: { avg: number; sent: number };
  /** The server's own CPU time over the load (from /proc): robust to a busy machine, unlike req/s. */
  server?: {
    cpuMs: number;
    cpuMsPerRequest: number;
    coresUsed: number;
    /** Of which the event loop's thread; the rest is the writer and export threads, V8's GC helpers, libuv's pool. */
    eventLoopMsPerRequest: number;
  };
  /** The bench's own CPU per request (autocannon runs in it): it shares the machine's cores with the server. */
  loadGeneratorMsPerRequest?: number;
  /** How late the server's event loop ran its timers during the load (ms). */
  loopLagMs?: { p50: number; p99: number; max: number };
  /** The server's memory right after the load (MB): RSS, V8's heap (per space) and what lives outside it. */
  memoryAfter?: Record<string, number | Record<string, number>>;
};

const RESULT = /"result":"([a-z_]+)"/;

/** One autocannon run on loopback; resolves with the figures the report needs. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const firstErrorBodies: { status: number; body: string }[] = [];
  const firstSocketErrors: string[] = [];
  const results: Record<string, number> = {};
  let bodies = 0;
  let bodyBytes = 0;
  const onResponse = (status: number, body: string) => {
    if (status >= 200 && status < 300) {
      const match = RESULT.exec(body);
      if (match) results[match[1]!] = (results[match[1]!] ?? 0) + 1;
    } else if (firstErrorBodies.length < 5) {
      firstErrorBodies.push({ status, body: body.slice(0, 500) });
    }
  };
  const { nextBody } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.durationS,
        maxOverallRequests: options.maxRequests,
        timeout: 10,
        requests: [
          {
            method: nextBody ? "POST" : "GET",
            path: options.path,
            headers: { ...(nextBody ? { "content-type": "application/json" } : {}), ...options.headers },
            setupRequest: nextBody
              ? (request) => {
                  const body = nextBody();
                  bodies += 1;
                  bodyBytes += body.length;
                  return { ...request, body };
                }
              : undefined,
            onResponse,
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
        const requests = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
        resolve({
          label: options.label,
          path: options.path,
          connections: options.connections,
          durationS: round(result.duration, 2),
          requests,
          reqPerSec: round(requests / result.duration, 0),
          latencyMs: {
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            max: result.latency.max,
            mean: result.latency.mean,
          },
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCodes,
          firstErrorBodies,
          firstSocketErrors,
          results,
          bodyBytes: { avg: bodies ? Math.round(bodyBytes / bodies) : 0, sent: bodies },
        });
      },
    );
    instance.on("reqError", (error: Error) => {
      if (firstSocketErrors.length < 5) firstSocketErrors.push(error.message);
    });
  });
}
