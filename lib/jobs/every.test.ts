import { afterEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { every, stopJobs, type Job, type JobOptions } from "./every";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started: Job[] = [];

function job(name: string, intervalMs: number, run: () => unknown, options?: JobOptions): Job {
  const made = every(name, intervalMs, run, options);
  started.push(made);
  return made;
}

afterEach(async () => {
  await stopJobs(started.splice(0));
  vi.restoreAllMocks();
});

describe("every", () => {
  it("runs at once, then again an interval after each run ends, never twice at the same time", async () => {
    let active = 0;
    let most = 0;
    const ends: number[] = [];
    const starts: number[] = [];
    job("slow", 10, async () => {
      starts.push(performance.now());
      most = Math.max(most, ++active);
      await sleep(30);
      active -= 1;
      ends.push(performance.now());
    });
    await vi.waitFor(() => expect(starts.length).toBeGreaterThanOrEqual(3), { timeout: 2_000 });
    expect(most).toBe(1);
    // Each run waits its interval after the previous one ended, however long that one took.
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - ends[i - 1]!).toBeGreaterThanOrEqual(9);
  });

  it("backs off after failures, doubling the wait, logs each with the job's name, and says when it recovered", async () => {
    const error = vi.spyOn(log(), "error").mockImplementation(() => undefined);
    const info = vi.spyOn(log(), "info").mockImplementation(() => undefined);
    const at: number[] = [];
    job("flaky", 20, () => {
      at.push(performance.now());
      if (at.length <= 3) throw new Error(`failure ${at.length}`);
    });
    await vi.waitFor(() => expect(at.length).toBeGreaterThanOrEqual(4), { timeout: 3_000 });
    const gaps = at.slice(1, 4).map((time, i) => time - at[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(39);
    expect(gaps[1]).toBeGreaterThanOrEqual(79);
    expect(gaps[2]).toBeGreaterThanOrEqual(159);
    expect(error.mock.calls.map(([fields]) => fields)).toEqual([
      expect.objectContaining({ job: "flaky", failures: 1, retryInMs: 40 }),
      expect.objectContaining({ job: "flaky", failures: 2, retryInMs: 80 }),
      expect.objectContaining({ job: "flaky", failures: 3, retryInMs: 160 }),
    ]);
    expect(info).toHaveBeenCalledWith({ job: "flaky", failures: 3 }, 'job "flaky" recovered');
  });

  it("may wait before its first run, and cap its backoff at its own limit", async () => {
    vi.spyOn(log(), "error").mockImplementation(() => undefined);
    const started = performance.now();
    const at: number[] = [];
    job(
      "patient",
      10,
      () => {
        at.push(performance.now());
        throw new Error("down");
      },
      { firstRunInMs: 50, maxBackoffMs: 30 },
    );
    await vi.waitFor(() => expect(at.length).toBeGreaterThanOrEqual(4), { timeout: 2_000 });
    expect(at[0]! - started).toBeGreaterThanOrEqual(49);
    // 20, then 30 (not 40, 80): the cap holds.
    expect(at[3]! - at[2]!).toBeGreaterThanOrEqual(29);
    expect(at[3]! - at[2]!).toBeLessThan(75);
  });

  it("runs soon when asked: at once when idle, right after the run in progress otherwise", async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const waiting = job("woken", 60_000, async () => {
      runs += 1;
      if (runs === 2) await new Promise<void>((resolve) => (release = resolve));
    });
    await vi.waitFor(() => expect(runs).toBe(1));
    waiting.runSoon();
    await vi.waitFor(() => expect(runs).toBe(2));
    waiting.runSoon();
    await sleep(20);
    expect(runs).toBe(2); // still in its second run
    release();
    await vi.waitFor(() => expect(runs).toBe(3));
  });

  it("stops: waits for the run in progress, and starts none after", async () => {
    let runs = 0;
    let finished = false;
    const stopping = job("stopping", 5, async () => {
      runs += 1;
      finished = false;
      await sleep(30);
      finished = true;
    });
    await vi.waitFor(() => expect(runs).toBeGreaterThan(0), { interval: 1 });
    await stopping.stop();
    expect(finished).toBe(true);
    const runsAtStop = runs;
    stopping.runSoon();
    await sleep(40);
    expect(runs).toBe(runsAtStop);
  });
});
