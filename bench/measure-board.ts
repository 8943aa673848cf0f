import os from "node:os";
import { percentile, request, round } from "./http";

/** `marker`: text only the expected page contains (default: the board's heading). */
export type BoardSeries = { label: string; path: string; marker?: string };
export type BoardResult = {
  label: string;
  path: string;
  requests: number;
  statusCodes: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  ttfbMs: { p50: number; p99: number };
  htmlBytes: number;
  /** Whether the HTML is really the page asked for (not a sign-in page or an error page). */
  looksLikeBoard: boolean;
  /** The machine's 1-minute load average when the series started and ended: a busy machine slows every page. */
  loadAverage?: [number, number];
  firstErrorBody?: string;
  /** The server's CPU time per page (set by run.ts from /proc). */
  serverCpuMsPerRequest?: number;
  /** The server's longest event-loop delay over the series (ms). */
  loopLagMaxMs?: number;
};

/**
 * Sequential GETs of a page (the board, the analytics) with a session cookie, one keep-alive connection, after a
 * warm-up: the time a signed-in recruiter waits for the whole HTML (the page streams; total is to the last byte).
 */
export async function measureBoard(
  baseUrl: string,
  cookie: string,
  series: BoardSeries,
  options: { count: number; warmup: number; maxMs: number },
): Promise<BoardResult> {
  const get = (timeoutMs?: number) =>
    request(`${baseUrl}${series.path}`, { headers: { cookie, accept: "text/html" }, timeoutMs });
  const loadAtStart = round(os.loadavg()[0]!, 2);
  // Unmeasured: the first page of a cold million-row file read from a busy disk took over 30 s.
  for (let i = 0; i < options.warmup; i++) await get(120_000);
  const totals: number[] = [];
  const ttfbs: number[] = [];
  const statusCodes: Record<string, number> = {};
  let htmlBytes = 0;
  let looksLikeBoard = false;
  let firstErrorBody: string | undefined;
  const deadline = Date.now() + options.maxMs;
  for (let i = 0; i < options.count && Date.now() < deadline; i++) {
    const response = await get();
    statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
    totals.push(response.totalMs);
    ttfbs.push(response.ttfbMs);
    if (response.status !== 200) {
      firstErrorBody ??= `${response.status} ${response.headers.location ?? ""} ${response.body.toString().slice(0, 300)}`;
    } else {
      htmlBytes = response.body.length;
      looksLikeBoard = response.body.includes(series.marker ?? ">Candidates</h1>");
    }
  }
  const sorted = [...totals].sort((a, b) => a - b);
  const sortedTtfb = [...ttfbs].sort((a, b) => a - b);
  return {
    label: series.label,
    path: series.path,
    requests: totals.length,
    statusCodes,
    latencyMs: {
      p50: round(percentile(sorted, 50), 2),
      p90: round(percentile(sorted, 90), 2),
      p99: round(percentile(sorted, 99), 2),
      max: round(sorted.at(-1) ?? NaN, 2),
      mean: round(totals.reduce((sum, ms) => sum + ms, 0) / Math.max(1, totals.length), 2),
    },
    ttfbMs: { p50: round(percentile(sortedTtfb, 50), 2), p99: round(percentile(sortedTtfb, 99), 2) },
    htmlBytes,
    looksLikeBoard,
    loadAverage: [loadAtStart, round(os.loadavg()[0]!, 2)],
    firstErrorBody,
  };
}
