import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export type LagFigures = {
  /** The last second's timer delays. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The p99 that has held for the last SUSTAINED_WINDOWS seconds running (their smallest): not one slow moment. */
  sustainedMs: number;
};

const WINDOW_MS = 1_000;
const SUSTAINED_WINDOWS = 3;
const KEY = Symbol.for("callboard.eventLoopLag");

type Monitor = { histogram: IntervalHistogram; windows: { p50Ms: number; p99Ms: number; maxMs: number }[] };

const toMs = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;

function start(): Monitor {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const monitor: Monitor = { histogram, windows: [] };
  setInterval(() => {
    monitor.windows.push({
      p50Ms: toMs(histogram.percentile(50)),
      p99Ms: toMs(histogram.percentile(99)),
      maxMs: toMs(histogram.max),
    });
    if (monitor.windows.length > SUSTAINED_WINDOWS) monitor.windows.shift();
    histogram.reset();
  }, WINDOW_MS).unref();
  return monitor;
}

/**
 * How late the event loop ran its timers, process-wide: npm start's server, the route handlers and the pages are
 * separate module copies in one process, and share one monitor through globalThis. A loop blocked for 2 s shows
 * a max of about 2,000 ms in the second after it; `sustainedMs` rises only when it keeps lagging (a first
 * request loading its route's code, or one garbage collection, does not count as overload).
 */
export function eventLoopLag(): LagFigures {
  const holder = globalThis as unknown as Record<symbol, Monitor | undefined>;
  const monitor = (holder[KEY] ??= start());
  const last = monitor.windows.at(-1) ?? { p50Ms: 0, p99Ms: 0, maxMs: 0 };
  const full = monitor.windows.length === SUSTAINED_WINDOWS;
  return { ...last, sustainedMs: full ? Math.min(...monitor.windows.map((window) => window.p99Ms)) : 0 };
}
