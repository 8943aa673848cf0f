import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import v8 from "node:v8";
import { otherMethods } from "@/lib/http/other-methods";

let delay: IntervalHistogram | undefined;
const ms = (nanoseconds: number) => nanoseconds / 1e6;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

// The benchmark's view inside the server (bench/README.md): how late this process's event loop ran its timers
// since the previous GET (ms; each GET starts a new count), and what its memory is made of (MB). Like the no-op
// route, it answers only when the server was started with BENCH_NOOP_ROUTE=1 (npm run bench does); a 404 otherwise.
export function GET(): Response {
  if (process.env.BENCH_NOOP_ROUTE !== "1") return new Response(null, { status: 404 });
  if (!delay) {
    delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
  }
  const loopLag = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
  delay.reset();
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const heapSpaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((space) => [space.space_name, mb(space.physical_space_size)]),
  );
  return Response.json({
    loopLag,
    memory: {
      rss: mb(rss),
      heapTotal: mb(heapTotal),
      heapUsed: mb(heapUsed),
      external: mb(external),
      arrayBuffers: mb(arrayBuffers),
    },
    heapSpaces,
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
