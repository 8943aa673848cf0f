import { execFileSync } from "node:child_process";
import { exportRows, measureExportAndLag, type ExportAndLag } from "./export-and-lag";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile, round, signIn } from "./http";
import { measureFirstLoadJs } from "./measure-js";
import { measureIngest } from "./measure-ingest";
import { measureLive } from "./measure-live";
import { measureAgent } from "./measure-agent";
import { BodyStream } from "./payloads";
import { formatProfile, summarizeProfile } from "./profile-summary";
import { buildRows, formatTable, writeResults, type Results } from "./report";
import { measureLargeSize } from "./large-size";
import { measurePages, pageSeries } from "./page-series";
import { seedLarge, SEARCH_FRAGMENT } from "./seed-large";
import { ADMIN, API_TOKEN, RssSampler, serverProfiles, servingPid, startServer, type BenchServer } from "./server";

/**
 * `npm run bench`: seeds a large temporary database, starts the production server on it and measures
 * webhook ingest against a no-op route, memory, the board, live latency and first-load JS, in one run.
 * `--quick` is a smoke run; `--only=webhook,noop,board,live,agent,js,export` runs a subset; BENCH_CPU_PROF=1 profiles the server.
 */

const ROOT = process.cwd();
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const PROFILE_DIR = path.join("bench", "results", "prof");
const PHASES = ["webhook", "noop", "board", "live", "agent", "js", "export"] as const;
type Phase = (typeof PHASES)[number];

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const phases = new Set<Phase>(
  onlyArg ? onlyArg.split(",").filter((p): p is Phase => (PHASES as readonly string[]).includes(p)) : PHASES,
);
const cpuProf = process.env.BENCH_CPU_PROF === "1";
// Also measure the pages at 1,000,000 candidates / 3,000,000 calls, after the 100k size, in the same run.
const large = args.includes("--large") || process.env.BENCH_LARGE === "1";
const distDir = process.env.NEXT_DIST_DIR || ".next-bench";
const synchronous = process.env.SQLITE_SYNCHRONOUS || "FULL";
const keepDb = process.env.BENCH_KEEP_DB === "1";
// Extra node flags for the server, e.g. BENCH_SERVER_NODE_ARGS="--max-old-space-size=256" to tell a leak from lazy GC.
const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);

const SIZE = quick
  ? { candidates: 10_000, calls: 30_000, loadS: 5, warmupS: 2, boardCount: 50, missCount: 20, liveCount: 20 }
  : { candidates: 100_000, calls: 300_000, loadS: 20, warmupS: 3, boardCount: 200, missCount: 50, liveCount: 50 };

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function mountOf(dir: string): string {
  try {
    const mounts = fs
      .readFileSync("/proc/mounts", "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split(" "));
    const real = fs.realpathSync(dir);
    const best = mounts
      .filter(([, point]) => point && (real === point || real.startsWith(point === "/" ? "/" : `${point}/`)))
      .sort((a, b) => b[1]!.length - a[1]!.length)[0];
    return best ? `${best[2]} (${best[1]})` : "unknown";
  } catch {
    return "unknown";
  }
}

/** How long this disk takes to make a small append durable (what every FULL-synchronous commit waits for). */
function fsyncProbe(dir: string, count = 50): { p50: number; p99: number; max: number } {
  const file = path.join(dir, "fsync-probe");
  const fd = fs.openSync(file, "w");
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      fs.writeSync(fd, block);
      const t = performance.now();
      fs.fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50), 2), p99: round(percentile(times, 99), 2), max: round(times.at(-1)!, 2) };
}

function git(...gitArgs: string[]): string {
  try {
    return execFileSync("git", gitArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const warnings: string[] = [];
  process.env.NEXT_DIST_DIR = distDir;

  // 1. The build (not part of the timed run). ensure-build reads NEXT_DIST_DIR when it is imported.
  const buildStarted = Date.now();
  const { ensureBuild } = await import("../scripts/ensure-build");
  await ensureBuild();
  const buildSeconds = round((Date.now() - buildStarted) / 1000, 1);
  if (buildSeconds > 5) log(`built into ${distDir} in ${buildSeconds} s`);
  const runStarted = Date.now();

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-bench-"));
  const databasePath = path.join(tmp, "bench.db");
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    SQLITE_SYNCHRONOUS: synchronous,
    databaseFilesystem: mountOf(tmp),
    fsyncMs: fsyncProbe(tmp),
    distDir,
    cpuProfile: cpuProf,
    serverNodeArgs,
    WEBHOOK_RATE_LIMIT: process.env.BENCH_WEBHOOK_RATE_LIMIT ?? "0 (off; BENCH_WEBHOOK_RATE_LIMIT sets it)",
    loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
    loadAverageAtEnd: [] as number[],
    gitCommit: git("rev-parse", "--short", "HEAD"),
    uncommittedFiles: git("status", "--porcelain").split("\n").filter(Boolean).length,
  };
  if (machine.loadAverageAtStart[0]! > machine.cpus) {
    warnings.push(
      `load average ${machine.loadAverageAtStart[0]} > ${machine.cpus} CPUs at start: other processes compete with the server; figures are pessimistic`,
    );
  }
  const results: Results = {
    mode: quick ? "quick" : "full",
    startedAt: new Date(started).toISOString(),
    wallSeconds: 0,
    machine,
    seed: {},
    warnings,
    rows: [],
  };

  let server: BenchServer | undefined;
  let largeServer: BenchServer | undefined;
  const exports: ExportAndLag[] = [];
  let spawnedPidForProfile = 0;
  const cleanup = () => {
    for (const running of [server, largeServer])
      if (running && running.process.exitCode === null && running.process.signalCode === null) running.process.kill("SIGKILL");
    if (!keepDb) fs.rmSync(tmp, { recursive: true, force: true });
  };
  // However the run ends (an error nobody caught too: one left a 1M server running for an hour, its jobs
  // skewing every later measurement), its servers are killed and its files removed.
  process.once("exit", cleanup);
  process.once("SIGINT", () => process.exit(130));
  // A watchdog: whatever hangs, the run ends and the server is killed.
  const watchdogMinutes = large ? 60 : 15;
  const watchdog = setTimeout(() => {
    console.error(`bench: watchdog fired (the run took over ${watchdogMinutes} minutes); stopping`);
    process.exit(1);
  }, watchdogMinutes * 60_000);
  watchdog.unref();

  try {
    // 2. Seed.
    log(`seeding ${SIZE.candidates.toLocaleString()} candidates / ${SIZE.calls.toLocaleString()} calls into ${databasePath}`);
    const seed = seedLarge(databasePath, { candidates: SIZE.candidates, calls: SIZE.calls });
    results.seed = { ...seed, slots: seed.slots.length, searchFragment: SEARCH_FRAGMENT };
    log(`seeded in ${round(seed.ms / 1000, 1)} s, ${(seed.dbBytes / 2 ** 20).toFixed(0)} MiB`);

    // 3. Server.
    server = await startServer({
      databasePath,
      distDir,
      synchronous,
      cpuProfDir: cpuProf ? PROFILE_DIR : undefined,
      nodeArgs: serverNodeArgs,
    });
    const spawnedPid = server.process.pid!;
    spawnedPidForProfile = spawnedPid;
    const serving = servingPid(spawnedPid, server.port);
    if (serving === null)
      warnings.push(`could not find which process holds port ${server.port}; sampling the spawned pid ${spawnedPid}`);
    else if (serving !== spawnedPid)
      warnings.push(
        `the listening socket belongs to pid ${serving}, a descendant of the spawned pid ${spawnedPid}: sampling ${serving}`,
      );
    const pid = serving ?? spawnedPid;
    log(`server ${server.url} pid ${pid}${serving === spawnedPid ? " (holds the listening socket)" : ""}`);
    const overall = new RssSampler(pid).start("sign-in");
    const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);

    const stream = new BodyStream({ candidates: SIZE.candidates, slots: seed.slots, seed: 11 });
    const nextBody = () => stream.next();
    // 4–5. Webhook ingest, then the no-op route handler with the same bodies.
    const ingest = await measureIngest({
      url: server.url,
      pid,
      nextBody,
      seconds: { load: SIZE.loadS, warmup: SIZE.warmupS },
      phases: { webhook: phases.has("webhook"), noop: phases.has("noop") },
      overall,
      log,
      warnings,
    });
    results.webhook = ingest.webhook;
    results.noop = ingest.noop;
    results.ratio = ingest.ratio;
    const webhookPeak = ingest.webhookPeakRssBytes ?? 0;
    // The webhook load's span: the profile summary covers only it.
    const webhookWindow = ingest.webhookWindow;
    // Likewise the board series, summarised when the run measured no webhook load (--only=board).
    let boardWindow: { fromUs: number; toUs: number } | null = null;

    // 6. The board, signed in, sequential.
    if (phases.has("board")) {
      const series = pageSeries({ pages: SIZE.boardCount, misses: SIZE.missCount });
      const boardFromUs = Number(process.hrtime.bigint() / 1000n);
      results.board = await measurePages(series, {
        baseUrl: server.url,
        cookie,
        pid,
        onSeries: (pagePath) => overall.phase(`board ${pagePath}`),
        log,
        warnings,
      });
      boardWindow = { fromUs: boardFromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
    }

    // 7. Live latency.
    if (phases.has("live")) {
      const liveStream = new BodyStream({ candidates: SIZE.candidates, slots: seed.slots, seed: 23 });
      const makeWebhook = (i: number) => {
        // A different candidate per webhook (7919 is coprime with the seed sizes), alternating a first and a final event.
        const bodies = liveStream.lifecycle((i * 7919 + 17) % SIZE.candidates);
        return i % 2 === 0 ? bodies[0]! : bodies.at(-1)!;
      };
      log(`live: ${SIZE.liveCount} webhooks, one every 100 ms`);
      overall.phase("live");
      results.live = await measureLive(server.url, API_TOKEN, makeWebhook, {
        count: SIZE.liveCount,
        intervalMs: 100,
        coverTimeoutMs: 5000,
      });
      const l = results.live;
      log(
        `live: p50 ${l.latencyMs.p50} ms, p95 ${l.latencyMs.p95} ms, covered ${l.covered}/${l.webhooks}, before the response ${l.beforeResponse}`,
      );
      if (l.firstErrorBody) warnings.push(`live: a webhook failed: ${l.firstErrorBody}`);
      if (l.missed > 0) warnings.push(`live: ${l.missed} webhooks were never announced on the stream within 5 s`);
    }

    if (phases.has("agent")) results.agent = await measureAgent(server.url, SIZE, nextBody, log, warnings);

    // 8. First-load JS.
    if (phases.has("js")) {
      overall.phase("first-load js");
      results.firstLoadJs = await measureFirstLoadJs(server.url, "/", cookie);
      log(
        `first-load JS: ${results.firstLoadJs.scripts.length} scripts, ${results.firstLoadJs.rawBytes} raw, ${results.firstLoadJs.gzipBytes} gzip`,
      );
    }

    // 9a. The CSV export of every candidate: its memory, and the health check and event-loop lag meanwhile.
    if (phases.has("export")) {
      overall.phase("export");
      exports.push(await measureExportAndLag(SIZE.candidates.toLocaleString("en"), server.url, pid, API_TOKEN));
    }

    const all = overall.stop();
    results.rss = {
      webhookPeakBytes: phases.has("webhook") ? webhookPeak : null,
      overallPeakBytes: all.peakBytes,
      treePeakBytes: all.peakTreeBytes,
      servingPid: serving,
      spawnedPid,
      otherProcesses: all.others,
      phases: all.phases.map((p) => ({ ...p, peakMB: round(p.peakBytes / 2 ** 20, 0) })),
      samples: all.samples,
    };
    const peakPhase = all.phases.reduce((best, p) => (p.peakBytes > best.peakBytes ? p : best), all.phases[0]!);
    results.rss.idleAfterStartBytes = all.phases[0]?.endBytes ?? null;
    log(
      `RSS peak ${(all.peakBytes / 2 ** 20).toFixed(0)} MB during "${peakPhase.phase}"; per phase: ${all.phases.map((p) => `${p.phase} ${(p.peakBytes / 2 ** 20).toFixed(0)}`).join(", ")}`,
    );
    if (Object.keys(all.others).length > 0)
      warnings.push(
        `the server's process tree had other processes (their RSS is in rss.treePeakBytes): ${JSON.stringify(all.others)}`,
      );

    const stopped = await server.stop();
    if (stopped.killed)
      warnings.push("the server did not exit within 20 s of SIGTERM and was killed (no CPU profile is written then)");
    if (cpuProf) {
      const window = webhookWindow ?? boardWindow;
      log(
        `profile summaries cover ${webhookWindow ? "the webhook load" : boardWindow ? "the board series" : "the whole server run"}`,
      );
      // Every thread that was busy in the window: the event loop's, the writer's, an export's.
      const summaries = serverProfiles(PROFILE_DIR, spawnedPidForProfile)
        .map((file) => summarizeProfile(file, 10, window))
        .filter((summary, i) => i === 0 || summary.busyMs > 0.05 * summary.totalMs);
      if (summaries.length === 0) warnings.push(`BENCH_CPU_PROF=1 but no .cpuprofile appeared in ${PROFILE_DIR}`);
      results.profile = summaries;
      for (const summary of summaries) console.log(`\n${formatProfile(summary)}\n`);
      warnings.push("CPU profiling was on: the server is slower than without it; do not compare these figures to the targets");
    }

    // 9. The large size: the board and the analytics at 1,000,000 candidates / 3,000,000 calls.
    if (large) {
      results.large = await measureLargeSize({
        dir: tmp,
        distDir,
        synchronous,
        nodeArgs: serverNodeArgs,
        keepDb,
        seconds: { load: SIZE.loadS, warmup: SIZE.warmupS },
        log,
        warnings,
        onServer: (running) => (largeServer = running),
        afterPages: phases.has("export")
          ? async (running, largePid) => void exports.push(await measureExportAndLag("1M", running.url, largePid, API_TOKEN))
          : undefined,
      });
    }
  } finally {
    // What the server said (its errors explain a non-2xx, or why the run stopped); bench/results/ is not in git.
    if (server) {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(RESULTS_DIR, "server.log"), server.output());
    }
    cleanup();
    clearTimeout(watchdog);
  }

  machine.loadAverageAtEnd = os.loadavg().map((n) => round(n, 2));
  results.wallSeconds = round((Date.now() - runStarted) / 1000, 1);
  results.exports = exports;
  results.rows = [...buildRows(results), ...exports.flatMap(exportRows)];
  const title = `Callboard bench — ${results.mode}: ${SIZE.candidates.toLocaleString()} candidates / ${SIZE.calls.toLocaleString()} calls; ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, SQLITE_SYNCHRONOUS=${synchronous}, DB on ${machine.databaseFilesystem} (fdatasync p50 ${machine.fsyncMs.p50} ms, p99 ${machine.fsyncMs.p99} ms); load avg ${machine.loadAverageAtStart.join(" ")} → ${machine.loadAverageAtEnd.join(" ")}; ${results.wallSeconds} s (+ build ${buildSeconds} s)`;
  console.log(`\n${title}\n\n${formatTable(results.rows)}\n`);
  for (const warning of warnings) console.log(`! ${warning}`);
  const file = writeResults(results, RESULTS_DIR);
  console.log(`\nresults: ${path.relative(ROOT, file)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
