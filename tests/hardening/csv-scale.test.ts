import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, startApiServer } from "../support/auth-client";
import type { TestServer } from "../support/server";

/**
 * Heavy work never holds the event loop: a CSV import of 20,000 rows (200,000 with LONG=1) is read, checked and
 * written by a worker thread, with its progress readable meanwhile, and the export of all of them streams out in
 * pages, while the server keeps answering its health checks. How fast those answer, and how much memory the export
 * takes at a million rows, are figures of `npm run bench` (bench/export-and-lag.ts), not assertions here.
 */
const ROWS = process.env.LONG === "1" ? 200_000 : 20_000;
let server: TestServer;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", INTERVIEW_TIMEZONE: "Asia/Kolkata" });
});

afterAll(async () => {
  await server?.stop();
});

const auth = { authorization: `Bearer ${API_TOKEN}` };

function csvOf(rows: number): string {
  const lines = ["name,phone,email,position,interview_at"];
  const start = Date.UTC(2031, 0, 1, 4, 0);
  for (let i = 0; i < rows; i += 1) {
    const when = new Date(start + (i % 5_000) * 15 * 60_000).toISOString().replace(".000Z", "Z");
    lines.push(`Scale Candidate ${i},+9190${String(i).padStart(8, "0")},scale${i}@example.com,Engineer,${when}`);
  }
  return lines.join("\n");
}

function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return Math.round(Number(match?.[1] ?? 0) / 1024);
}

/** Asks liveness and readiness every 200 ms until stopped; what each answered, how long it took, and the RSS peak. */
function watch(pid: number) {
  const answers: { live: number | string; ready: number | string; ms: number; why?: string }[] = [];
  let peakRss = 0;
  // The server's own figure (its event loop's p99 delay per second): the client's timings include its own stalls.
  let serverLag = 0;
  let running = true;
  const probe = async (path: string) => {
    try {
      const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(30_000) });
      const body = (await response.json()) as { error?: { message?: string }; eventLoopLagMs?: number };
      serverLag = Math.max(serverLag, body.eventLoopLagMs ?? 0);
      return { status: response.status, why: body.error?.message };
    } catch (error) {
      return { status: (error as Error).name };
    }
  };
  const loop = (async () => {
    while (running) {
      peakRss = Math.max(peakRss, rssMb(pid));
      const started = Date.now();
      const [live, ready] = await Promise.all([probe("/api/health/live"), probe("/api/health")]);
      answers.push({ live: live.status, ready: ready.status, ms: Date.now() - started, why: ready.why });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const slowest = Math.max(...answers.map((answer) => answer.ms));
      return { answers, peakRss, slowest: `${slowest} ms to answer, server lag p99 at most ${serverLag}` };
    },
  };
}

describe(`CSV at ${ROWS.toLocaleString("en")} rows`, () => {
  it("imports in the background with its progress readable, and the server answers health checks throughout", async () => {
    const csv = csvOf(ROWS);
    const watching = watch(server.process.pid!);
    const started = await fetch(`${server.url}/api/candidates/import?async=1`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/csv" },
      body: csv,
    });
    expect(started.status).toBe(202);
    const { import: job } = (await started.json()) as { import: { id: number; state: string } };
    expect(started.headers.get("location")).toBe(`/api/candidates/import/${job.id}`);
    const seen: { state: string; progress: number; rowsRead: number }[] = [];
    await expect
      .poll(
        async () => {
          const now = (await (await fetch(`${server.url}/api/candidates/import/${job.id}`, { headers: auth })).json()) as {
            import: { state: string; progress: number; rowsRead: number };
          };
          seen.push(now.import);
          return now.import.state;
        },
        { timeout: 2_600_000, interval: 300 },
      )
      .toBe("done");
    const { answers, peakRss, slowest } = await watching.stop();
    const done = (await (await fetch(`${server.url}/api/candidates/import/${job.id}`, { headers: auth })).json()) as {
      import: {
        valid: number;
        invalid: number;
        imported: number;
        report: { total: number; rows: unknown[]; truncated: boolean };
      };
    };
    console.log(
      `[csv scale] import of ${ROWS}: ${seen.length} progress reads, ${answers.length} health probes, slowest: ${slowest}, peak RSS ${peakRss} MB`,
    );
    expect(done.import).toMatchObject({ valid: ROWS, invalid: 0, imported: ROWS });
    expect(done.import.report).toMatchObject({ total: ROWS, truncated: true });
    expect(done.import.report.rows).toHaveLength(1_000);
    // Progress only goes forward.
    const progress = seen.map((read) => read.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.live !== 200 || answer.ready !== 200)).toEqual([]);
  }, 2_700_000);

  it("exports every one of them as a stream while the server answers health checks throughout", async () => {
    const watching = watch(server.process.pid!);
    const response = await fetch(`${server.url}/api/candidates/export`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const { lines, bytes } = await countLines(response);
    const { answers, peakRss, slowest } = await watching.stop();
    console.log(
      `[csv scale] export of ${ROWS}: ${bytes} bytes, ${answers.length} health probes, slowest: ${slowest}, peak RSS ${peakRss} MB`,
    );
    expect(lines).toBe(ROWS + 1);
    expect(answers.filter((answer) => answer.live !== 200 || answer.ready !== 200)).toEqual([]);
  }, 1_800_000);

  it("makes two exports at once and asks a third to retry, instead of growing with every click", async () => {
    // Two exports whose clients read nothing yet: each holds its thread, waiting for its client.
    const held = await Promise.all([0, 1].map(() => fetch(`${server.url}/api/candidates/export`, { headers: auth })));
    expect(held.map((response) => response.status)).toEqual([200, 200]);
    const third = await fetch(`${server.url}/api/candidates/export`, { headers: auth });
    expect(third.status).toBe(503);
    expect(third.headers.get("retry-after")).toBe("60");
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe("overloaded");
    // Both are whole once read, and then a new one is made again.
    for (const { lines } of await Promise.all(held.map(countLines))) expect(lines).toBe(ROWS + 1);
    const again = await fetch(`${server.url}/api/candidates/export`, { headers: auth });
    expect(again.status).toBe(200);
    expect((await countLines(again)).lines).toBe(ROWS + 1);
  }, 1_800_000);
});

it("answers HEAD without holding an export's place", async () => {
  for (let i = 0; i < 3; i += 1) {
    const head = await fetch(`${server.url}/api/candidates/export`, { method: "HEAD", headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  }
  const after = await fetch(`${server.url}/api/candidates/export`, { headers: auth });
  expect(after.status).toBe(200);
  expect((await countLines(after)).lines).toBeGreaterThan(1);
}, 600_000);

/** Reads a CSV response to its end: its lines (CRLF-separated) and bytes. */
async function countLines(response: Response): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  let tail = "";
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.byteLength;
    const parts = (tail + decoder.decode(read.value, { stream: true })).split("\r\n");
    tail = parts.pop()!;
    lines += parts.length;
  }
  return { lines: tail ? lines + 1 : lines, bytes };
}
