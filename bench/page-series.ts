import { round } from "./http";
import { measureBoard, type BoardResult, type BoardSeries } from "./measure-board";
import { serverRuntime } from "./measure-ingest";
import { SEARCH_FRAGMENT, SEARCH_MISS } from "./seed-large";
import { cpuMs } from "./server";

const DAY_MS = 86_400_000;

/** The analytics page for the 90 UTC days up to today: the seeded calls all fall in it, the worst case. */
function analyticsPath(now = new Date()): string {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 89 * DAY_MS).toISOString().slice(0, 10);
  return `/analytics?from=${from}&to=${to}`;
}

/** The signed-in pages measured at every size: the board's first page, a filter, searches, the analytics. */
export function pageSeries(counts: { pages: number; misses: number }): (BoardSeries & { count: number })[] {
  return [
    { label: "first page", path: "/", count: counts.pages },
    { label: "filtered", path: "/?status=confirmed", count: counts.pages },
    { label: "search", path: `/?q=${encodeURIComponent(SEARCH_FRAGMENT)}`, count: counts.pages },
    { label: "search, no match", path: `/?q=${encodeURIComponent(SEARCH_MISS)}`, count: counts.misses },
    { label: "analytics, 90 days", path: analyticsPath(), marker: ">Analytics</h1>", count: counts.misses },
  ];
}

type Measure = {
  baseUrl: string;
  cookie: string;
  /** The serving process: its CPU time per page comes from /proc. */
  pid: number;
  /** Names the RSS phase of each series. */
  onSeries?: (path: string) => void;
  log: (message: string) => void;
  warnings: string[];
  /** Prefixed to every log line and warning ("1M: "). */
  prefix?: string;
};

/** Measures each series in turn (sequential GETs after 10 warm-ups, at most 40 s each); logs and warns as it goes. */
export async function measurePages(series: (BoardSeries & { count: number })[], measure: Measure): Promise<BoardResult[]> {
  const results: BoardResult[] = [];
  const prefix = measure.prefix ?? "";
  for (const item of series) {
    measure.onSeries?.(item.path);
    await serverRuntime(measure.baseUrl);
    const cpuBefore = cpuMs(measure.pid) ?? 0;
    const result = await measureBoard(measure.baseUrl, measure.cookie, item, { count: item.count, warmup: 10, maxMs: 40_000 });
    // Includes the 10 warm-up requests: CPU per page, however long the machine made it wait.
    result.serverCpuMsPerRequest = round(((cpuMs(measure.pid) ?? 0) - cpuBefore) / (result.requests + 10), 1);
    // The event loop's longest delay over the series: a slow page that it does not explain waited elsewhere.
    result.loopLagMaxMs = (await serverRuntime(measure.baseUrl))?.loopLag.max;
    results.push(result);
    measure.log(
      `${prefix}page ${item.path}: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms (max ${result.latencyMs.max} ms; event-loop lag max ${result.loopLagMaxMs ?? "?"} ms), ${result.htmlBytes} bytes, n=${result.requests}, server CPU ${result.serverCpuMsPerRequest} ms/page, load ${result.loadAverage?.join(" → ")}${result.looksLikeBoard ? "" : " — NOT THE PAGE: " + (result.firstErrorBody ?? "")}`,
    );
    if (!result.looksLikeBoard || result.firstErrorBody)
      measure.warnings.push(`${prefix}page ${item.path}: ${result.firstErrorBody ?? "the HTML is not the page asked for"}`);
  }
  return results;
}
