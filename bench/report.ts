import fs from "node:fs";
import path from "node:path";
import type { ExportAndLag } from "./export-and-lag";
import type { LargeResult } from "./large-size";
import type { BoardResult } from "./measure-board";
import type { JsResult } from "./measure-js";
import type { LiveResult } from "./measure-live";
import { agentRows, type AgentResult } from "./measure-agent";
import type { LoadResult } from "./load";
import type { IngestResult } from "./measure-ingest";
import { round } from "./http";

/** The targets; every figure is printed beside its target. */
export const TARGETS = {
  webhookVsNoop: 0.8,
  webhookErrors: 0,
  /** The webhook's p99 against the no-op route handler's p99 on the same server, in the same run. */
  webhookP99VsNoop: 1.25,
  boardP50Ms: 30,
  searchP50Ms: 60,
  analyticsP50Ms: 300,
  liveP95Ms: 50,
  /** At 1,000,000 candidates against 100,000: a delivery's and a page's server CPU may grow this much at most. */
  webhookCpuAt1M: 1.1,
  pageCpuAt1M: 1.2,
  rssBytes: 350 * 1024 * 1024,
  firstLoadJsGzipBytes: 200 * 1000,
} as const;

type Verdict = "PASS" | "FAIL" | "n/a" | "info";
export type Row = { metric: string; value: string; target: string; result: Verdict };

export type Results = {
  mode: "full" | "quick";
  startedAt: string;
  wallSeconds: number;
  machine: Record<string, unknown>;
  seed: Record<string, unknown>;
  webhook?: LoadResult;
  noop?: LoadResult;
  ratio?: number | null;
  rss?: {
    webhookPeakBytes: number | null;
    overallPeakBytes: number;
    /** After start-up and sign-in, before any load. */
    idleAfterStartBytes?: number | null;
    treePeakBytes: number;
    servingPid: number | null;
    spawnedPid: number;
    otherProcesses: Record<number, string>;
    phases: { phase: string; peakBytes: number; endBytes: number; seconds: number; peakMB: number }[];
    samples: number;
  };
  board?: BoardResult[];
  /** `--large`: the pages at 1,000,000 candidates / 3,000,000 calls. */
  large?: LargeResult;
  live?: LiveResult;
  /** The agent's tools under the webhook load. */
  agent?: AgentResult;
  firstLoadJs?: JsResult;
  /** The CSV export at each size, with the health check and the event loop meanwhile. */
  exports?: ExportAndLag[];
  profile?: unknown;
  warnings: string[];
  rows: Row[];
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "∞");
const check = (ok: boolean): Verdict => (ok ? "PASS" : "FAIL");

export function buildRows(results: Results): Row[] {
  const rows: Row[] = [];
  const { webhook, noop, board, live, firstLoadJs, rss } = results;
  if (webhook) {
    // autocannon's errors already include its timeouts.
    const errors = webhook.non2xx + webhook.errors;
    rows.push({
      metric: `Webhook ingest (${webhook.connections} conn, ${webhook.durationS} s)`,
      value: `${webhook.reqPerSec} req/s`,
      target: noop
        ? `≥ ${TARGETS.webhookVsNoop} × no-op = ${Math.round(noop.reqPerSec * TARGETS.webhookVsNoop)} req/s`
        : `≥ ${TARGETS.webhookVsNoop} × no-op`,
      result: noop ? check(webhook.reqPerSec >= noop.reqPerSec * TARGETS.webhookVsNoop) : "n/a",
    });
    const p99Limit = noop ? noop.latencyMs.p99 * TARGETS.webhookP99VsNoop : null;
    rows.push({
      metric: "  webhook latency p50 / p99",
      value: `${ms(webhook.latencyMs.p50)} / ${ms(webhook.latencyMs.p99)}`,
      target:
        p99Limit === null
          ? `p99 ≤ ${TARGETS.webhookP99VsNoop} × no-op`
          : `p99 ≤ ${TARGETS.webhookP99VsNoop} × no-op = ${ms(p99Limit)}`,
      result: p99Limit === null ? "n/a" : check(webhook.latencyMs.p99 <= p99Limit),
    });
    rows.push({
      metric: "  webhook non-2xx + socket errors (incl. timeouts)",
      value: `${errors} of ${webhook.requests + webhook.errors}${webhook.timeouts ? ` (${webhook.timeouts} timeouts > 10 s)` : ""}`,
      target: "0",
      result: check(errors === TARGETS.webhookErrors),
    });
    if (webhook.server) {
      rows.push({
        metric: "  server CPU per delivery / per no-op request",
        value: `${webhook.server.cpuMsPerRequest} / ${noop?.server?.cpuMsPerRequest ?? "?"} ms (${webhook.server.coresUsed} cores busy)`,
        target: "—",
        result: "info",
      });
      // Where the CPU goes, and the load generator's share of the same cores: on a small machine the ratio is
      // (no-op CPU + generator's) over (delivery CPU + generator's) once the cores are full.
      rows.push({
        metric: "    event loop / other threads; load generator",
        value: `${webhook.server.eventLoopMsPerRequest} / ${round(webhook.server.cpuMsPerRequest - webhook.server.eventLoopMsPerRequest, 2)} ms (no-op ${noop?.server?.eventLoopMsPerRequest ?? "?"} / ${noop?.server ? round(noop.server.cpuMsPerRequest - noop.server.eventLoopMsPerRequest, 2) : "?"}); ${webhook.loadGeneratorMsPerRequest ?? "?"} / ${noop?.loadGeneratorMsPerRequest ?? "?"} ms`,
        target: "—",
        result: "info",
      });
    }
    if (webhook.loopLagMs) {
      rows.push({
        metric: "  event-loop lag under webhook load p50 / p99 (max)",
        value: `${ms(webhook.loopLagMs.p50)} / ${ms(webhook.loopLagMs.p99)} (${ms(webhook.loopLagMs.max)}); no-op p99 ${noop?.loopLagMs ? ms(noop.loopLagMs.p99) : "?"}`,
        target: "—",
        result: "info",
      });
    }
  }
  if (noop) {
    rows.push({
      metric: "No-op route (same bodies)",
      value: `${noop.reqPerSec} req/s, p50 ${ms(noop.latencyMs.p50)} / p99 ${ms(noop.latencyMs.p99)}, CPU ${noop.server?.cpuMsPerRequest ?? "?"} ms/req`,
      target: "baseline",
      result: "info",
    });
    rows.push({
      metric: "Webhook / no-op throughput ratio",
      value: results.ratio != null ? results.ratio.toFixed(2) : "n/a",
      target: `≥ ${TARGETS.webhookVsNoop.toFixed(2)}`,
      result: results.ratio != null ? check(results.ratio >= TARGETS.webhookVsNoop) : "n/a",
    });
  }
  if (rss) {
    if (rss.webhookPeakBytes !== null) {
      rows.push({
        metric: "Server peak RSS under webhook load",
        value: `${mb(rss.webhookPeakBytes)}${rss.idleAfterStartBytes ? ` (idle after start: ${mb(rss.idleAfterStartBytes)})` : ""}`,
        target: `≤ ${mb(TARGETS.rssBytes)}`,
        result: check(rss.webhookPeakBytes <= TARGETS.rssBytes),
      });
    }
    const worst = rss.phases.reduce(
      (best, p) => (p.peakBytes > best.peakBytes ? p : best),
      rss.phases[0] ?? { phase: "?", peakBytes: 0 },
    );
    rows.push({
      metric: rss.webhookPeakBytes !== null ? "  peak RSS over the whole run" : "Server peak RSS over the whole run",
      value: `${mb(rss.overallPeakBytes)} (during ${worst.phase})`,
      target: `≤ ${mb(TARGETS.rssBytes)}`,
      result: check(rss.overallPeakBytes <= TARGETS.rssBytes),
    });
  }
  rows.push(...pageRows(board ?? [], ""));
  if (results.large) {
    const { seed, peakRssBytes } = results.large;
    rows.push({
      metric: `1M: seeded ${seed.candidates.toLocaleString()} candidates / ${seed.calls.toLocaleString()} calls`,
      value: `${(seed.ms / 1000).toFixed(0)} s, ${(seed.dbBytes / 2 ** 30).toFixed(1)} GiB`,
      target: "—",
      result: "info",
    });
    rows.push({
      metric: "1M: server peak RSS over its run",
      value: mb(peakRssBytes),
      target: `≤ ${mb(TARGETS.rssBytes)}`,
      result: check(peakRssBytes <= TARGETS.rssBytes),
    });
    rows.push(...largeIngestRows(results.large.ingest, webhook));
    rows.push(...pageRows(results.large.board, "1M: "));
    rows.push(...pageCpuRows(board ?? [], results.large.board));
  }
  if (live) {
    rows.push({
      metric: `Live latency (webhook 2xx → event: change, n=${live.webhooks})`,
      value: `p50 ${ms(live.latencyMs.p50)} / p95 ${ms(live.latencyMs.p95)}${live.missed ? `, ${live.missed} missed` : ""}`,
      target: `p95 ≤ ${TARGETS.liveP95Ms} ms`,
      result: check(live.latencyMs.p95 <= TARGETS.liveP95Ms),
    });
  }
  if (firstLoadJs) {
    rows.push({
      metric: `First-load JS of the board (${firstLoadJs.scripts.length} scripts)`,
      value: `${kb(firstLoadJs.rawBytes)} raw / ${kb(firstLoadJs.gzipBytes)} gzip`,
      target: `gzip ≤ ${kb(TARGETS.firstLoadJsGzipBytes)}`,
      result: check(firstLoadJs.gzipBytes <= TARGETS.firstLoadJsGzipBytes),
    });
  }
  rows.push(...agentRows(results.agent));
  return rows;
}

/** The webhook at 1M beside its 100k figures: its server CPU per delivery may grow by 10 % at most. */
function largeIngestRows(ingest: IngestResult, small: LoadResult | undefined): Row[] {
  const { webhook, noop } = ingest;
  if (!webhook) return [];
  const cpu = webhook.server?.cpuMsPerRequest;
  const smallCpu = small?.server?.cpuMsPerRequest;
  const comparable = cpu !== undefined && smallCpu !== undefined;
  return [
    {
      metric: `1M: webhook ingest (${webhook.connections} conn, ${webhook.durationS} s)`,
      value: `${webhook.reqPerSec} req/s (100k: ${small?.reqPerSec ?? "?"}), p50 ${ms(webhook.latencyMs.p50)} / p99 ${ms(webhook.latencyMs.p99)}, ${noop ? `${(webhook.reqPerSec / noop.reqPerSec).toFixed(2)} × its no-op (${noop.reqPerSec} req/s)` : ""}`,
      target: "—",
      result: "info",
    },
    {
      metric: "1M: server CPU per delivery / per no-op request",
      value: `${cpu ?? "?"} / ${noop?.server?.cpuMsPerRequest ?? "?"} ms (100k: ${smallCpu ?? "?"} ms per delivery); event-loop lag p99 ${webhook.loopLagMs ? ms(webhook.loopLagMs.p99) : "?"}`,
      target: comparable
        ? `≤ ${TARGETS.webhookCpuAt1M} × 100k = ${(smallCpu * TARGETS.webhookCpuAt1M).toFixed(2)} ms`
        : `≤ ${TARGETS.webhookCpuAt1M} × 100k`,
      result: comparable ? check(cpu <= smallCpu * TARGETS.webhookCpuAt1M) : "n/a",
    },
  ];
}

/**
 * Each board page's server CPU at 1M against the same page at 100k: a page's cost grows with the page, not the
 * tables. (The analytics page has a target of its own.)
 */
function pageCpuRows(small: BoardResult[], large: BoardResult[]): Row[] {
  return large.flatMap((page) => {
    if (page.path.startsWith("/analytics")) return [];
    const before = small.find((candidate) => candidate.label === page.label);
    if (!before?.serverCpuMsPerRequest || page.serverCpuMsPerRequest === undefined) return [];
    const limit = before.serverCpuMsPerRequest * TARGETS.pageCpuAt1M;
    return [
      {
        metric: `1M: server CPU per page, ${page.label}`,
        value: `${page.serverCpuMsPerRequest} ms (100k: ${before.serverCpuMsPerRequest} ms)`,
        target: `≤ ${TARGETS.pageCpuAt1M} × 100k = ${limit.toFixed(1)} ms`,
        result: check(page.serverCpuMsPerRequest <= limit),
      },
    ];
  });
}

const PAGE_TARGETS: Record<string, number> = {
  "first page": TARGETS.boardP50Ms,
  search: TARGETS.searchP50Ms,
  "analytics, 90 days": TARGETS.analyticsP50Ms,
};

/** One row per page series, with the load average it ran under. */
function pageRows(series: BoardResult[], prefix: string): Row[] {
  return series.map((page) => {
    const target = PAGE_TARGETS[page.label] ?? null;
    const ok = page.looksLikeBoard && Object.keys(page.statusCodes).every((code) => code === "200");
    const load = page.loadAverage ? `, load ${page.loadAverage.join("→")}` : "";
    return {
      metric: page.path.startsWith("/analytics")
        ? `${prefix}Analytics page, 90 days`
        : `${prefix}Board ${page.label} ${page.path}`,
      value: `p50 ${ms(page.latencyMs.p50)} / p99 ${ms(page.latencyMs.p99)}, ${kb(page.htmlBytes)} HTML, CPU ${page.serverCpuMsPerRequest ?? "?"} ms${load}${ok ? "" : " (NOT THE PAGE)"}`,
      target: target === null ? "—" : `p50 ≤ ${target} ms`,
      result: !ok ? "FAIL" : target === null ? "info" : check(page.latencyMs.p50 <= target),
    };
  });
}

export function formatTable(rows: Row[]): string {
  const headers: Row = { metric: "Metric", value: "Value", target: "Target", result: "info" };
  const width = (key: keyof Row) => Math.max(...[headers, ...rows].map((row) => String(row[key]).length));
  const [m, v, t] = [width("metric"), width("value"), width("target")];
  const line = (row: Row, result: string) =>
    `${row.metric.padEnd(m)}  ${row.value.padEnd(v)}  ${row.target.padEnd(t)}  ${result}`;
  return [
    line(headers, "Result"),
    `${"-".repeat(m)}  ${"-".repeat(v)}  ${"-".repeat(t)}  ------`,
    ...rows.map((row) => line(row, row.result === "info" ? "" : row.result)),
  ].join("\n");
}

export function writeResults(results: Results, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "latest.json");
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
