import { log } from "@/lib/log";

/** A failing job waits twice as long after each failure, up to this (or its own interval, if longer). */
const MAX_BACKOFF_MS = 60_000;

export type JobOptions = {
  /** The longest wait after failures (default: a minute, or the interval if longer). */
  maxBackoffMs?: number;
  /** When the first run starts (default: at once). */
  firstRunInMs?: number;
};

export type Job = {
  readonly name: string;
  /** Runs the job as soon as it is idle (now, or right after the run in progress), then on its interval again. */
  runSoon(): void;
  /** No run starts after this; resolves when the run in progress (if any) has ended. */
  stop(): Promise<void>;
};

/**
 * Background work, one way: `run` is called right away (or after `firstRunInMs`) and then `intervalMs` after each
 * run ends, never twice at once. A run that throws (or rejects) is logged with the job's name and retried after a
 * backoff that doubles from the interval up to a minute (or `maxBackoffMs`); the first run that succeeds again
 * says so. Timers never keep the process alive.
 */
export function every(name: string, intervalMs: number, run: () => unknown, options: JobOptions = {}): Job {
  const maxBackoffMs = Math.max(intervalMs, options.maxBackoffMs ?? MAX_BACKOFF_MS);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let failures = 0;

  function schedule(delayMs: number): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(start, delayMs);
    timer.unref();
  }

  function start(): void {
    timer = undefined;
    if (stopped || running) return;
    running = execute().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule(0);
      }
    });
  }

  async function execute(): Promise<void> {
    try {
      await run();
      if (failures > 0) log().info({ job: name, failures }, `job "${name}" recovered`);
      failures = 0;
      schedule(intervalMs);
    } catch (error) {
      failures += 1;
      const retryInMs = Math.min(intervalMs * 2 ** failures, maxBackoffMs);
      log().error({ job: name, failures, retryInMs, err: error }, `job "${name}" failed`);
      schedule(retryInMs);
    }
  }

  schedule(options.firstRunInMs ?? 0);
  return {
    name,
    runSoon() {
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Stops every job and waits for their runs in progress. */
export async function stopJobs(jobs: readonly Job[]): Promise<void> {
  await Promise.all(jobs.map((job) => job.stop()));
}
