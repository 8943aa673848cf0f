import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export type LagFigures = { p50Ms: number; p99Ms: number; maxMs: number };

const WINDOW_MS = 1_000;
const KEY = Symbol.for("callboard.eventLoopLag");

type Monitor = { histogram: IntervalHistogram; last: LagFigures };

const toMs = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;

function start(): Monitor {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const monitor: Monitor = { histogram, last: { p50Ms: 0, p99Ms: 0, maxMs: 0 } };
  setInterval(() => {
    monitor.last = { p50Ms: toMs(histogram.percentile(50)), p99Ms: toMs(histogram.percentile(99)), maxMs: toMs(histogram.max) };
    histogram.reset();
  }, WINDOW_MS).unref();
  return monitor;
}

/**
 * How late the event loop ran its timers over the last second (p50, p99, max), process-wide: npm start's server,
 * the route handlers and the pages are separate module copies in one process, and share one monitor through
 * globalThis. A loop blocked for 2 s shows a max of about 2,000 ms in the window after it.
 */
export function eventLoopLag(): LagFigures {
  const holder = globalThis as unknown as Record<symbol, Monitor | undefined>;
  const monitor = (holder[KEY] ??= start());
  // The window that is still running counts too: a loop blocked right now has not finished a window yet.
  const running = toMs(monitor.histogram.max);
  return running > monitor.last.maxMs ? { ...monitor.last, maxMs: running } : monitor.last;
}
