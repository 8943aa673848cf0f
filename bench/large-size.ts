import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { round, signIn } from "./http";
import type { BoardResult } from "./measure-board";
import { measureIngest, type IngestResult } from "./measure-ingest";
import { measurePages, pageSeries } from "./page-series";
import { BodyStream } from "./payloads";
import { seedLarge, type SeedInfo } from "./seed-large";
import { ADMIN, RssSampler, servingPid, startServer, type BenchServer } from "./server";

/** `--large` / BENCH_LARGE=1: the board and analytics at 1,000,000 candidates and 3,000,000 calls. */
const LARGE = { candidates: 1_000_000, calls: 3_000_000 } as const;

export type LargeResult = {
  seed: Omit<SeedInfo, "slots"> & { slots: number };
  board: BoardResult[];
  /** The webhook and the no-op route again, at this size. */
  ingest: IngestResult;
  peakRssBytes: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  seconds: number;
};

type Options = {
  dir: string;
  distDir: string;
  synchronous: string;
  nodeArgs: string[];
  keepDb: boolean;
  /** The 100k run's load lengths. */
  seconds: { load: number; warmup: number };
  log: (message: string) => void;
  warnings: string[];
  /** Lets the run's cleanup kill this size's server if anything hangs. */
  onServer: (server: BenchServer | undefined) => void;
  /** More to measure on this size's server once the pages are done (the CSV export). */
  afterPages?: (server: BenchServer, pid: number) => Promise<void>;
};

/**
 * Seeds the large database beside the small one, starts the production server on it and measures the webhook
 * against the no-op route and the pages, as at 100k: ingest and a page must cost what they cost at the small size.
 * The file (about 6 GB) is deleted afterwards unless BENCH_KEEP_DB=1.
 */
export async function measureLargeSize(options: Options): Promise<LargeResult> {
  const started = Date.now();
  const loadAverageAtStart = os.loadavg().map((n) => round(n, 2));
  const databasePath = path.join(options.dir, "large.db");
  options.log(`1M: seeding ${LARGE.candidates.toLocaleString()} candidates / ${LARGE.calls.toLocaleString()} calls`);
  const seed = seedLarge(databasePath, LARGE);
  options.log(
    `1M: seeded in ${round(seed.ms / 1000, 1)} s (${Object.entries(seed.phasesMs)
      .map(([phase, ms]) => `${phase} ${round(ms / 1000, 1)} s`)
      .join(", ")}), ${(seed.dbBytes / 2 ** 20).toFixed(0)} MiB`,
  );
  const server = await startServer({
    databasePath,
    distDir: options.distDir,
    synchronous: options.synchronous,
    nodeArgs: options.nodeArgs,
  });
  options.onServer(server);
  const pid = servingPid(server.process.pid!, server.port) ?? server.process.pid!;
  const rss = new RssSampler(pid).start("1M pages");
  try {
    const cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
    const stream = new BodyStream({ candidates: LARGE.candidates, slots: seed.slots, seed: 11 });
    const ingest = await measureIngest({
      url: server.url,
      pid,
      nextBody: () => stream.next(),
      seconds: options.seconds,
      phases: { webhook: true, noop: true },
      log: options.log,
      warnings: options.warnings,
      prefix: "1M: ",
    });
    const board = await measurePages(pageSeries({ pages: 100, misses: 50 }), {
      baseUrl: server.url,
      cookie,
      pid,
      log: options.log,
      warnings: options.warnings,
      prefix: "1M: ",
    });
    await options.afterPages?.(server, pid);
    return {
      seed: { ...seed, slots: seed.slots.length },
      board,
      ingest,
      peakRssBytes: rss.peak,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg().map((n) => round(n, 2)),
      seconds: round((Date.now() - started) / 1000, 1),
    };
  } finally {
    rss.stop();
    await server.stop();
    options.onServer(undefined);
    if (!options.keepDb) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${databasePath}${suffix}`, { force: true });
  }
}
