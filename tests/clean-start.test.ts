import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptNodeArgs, startServer, type TestServer } from "./support/server";

/** What a newcomer sees on a first `npm start` (fresh database, demo mode), at the default log level. */
describe("a clean start", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ LOG_LEVEL: "info", LOG_FORMAT: "line" });
    const deadline = Date.now() + 30_000;
    while (!server.output().includes("Callboard: ready in") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await fetch(`${server.url}/sign-in?next=%2Fcandidates`);
    await fetch(`${server.url}/i/not-a-real-token-but-a-credential-shape`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(() => server.stop());

  it("prints no warnings", () => {
    const output = server.output();
    expect(output).not.toMatch(/warn|deprecat/i);
    // pino's warn (40) and above, had anything logged one as JSON.
    expect(output).not.toMatch(/"level":\s*[456]0/);
  });

  it("prints the demo sign-in, then that it is ready, with the time it took and the URL", () => {
    const output = server.output();
    const demo = output.indexOf("Callboard: demo admin");
    // The address it listens on (the test server's HOSTNAME; a server on every interface says localhost).
    const ready = output.search(
      new RegExp(`Callboard: ready in \\d+\\.\\d s on ${server.url.replaceAll(".", "\\.")} \\(demo mode`),
    );
    expect(demo).toBeGreaterThanOrEqual(0);
    expect(ready).toBeGreaterThan(demo);
  });

  it("logs each request as one short line, tokens masked", () => {
    const output = server.output();
    expect(output).toMatch(/^GET \/sign-in 200 \d+ ms$/m);
    expect(output).toMatch(/^GET \/i\/\[token\] \d{3} \d+ ms$/m);
    expect(output).not.toContain("not-a-real-token");
  });

  it("serves with the config its build resolved, without loading Next's SWC compiler", async () => {
    // The compiler is what Next loads to read a next.config.ts: 25 MB of RSS and a pool of threads for nothing.
    const mapped = fs.readFileSync(`/proc/${server.process.pid}/maps`, "utf8");
    expect(mapped).not.toMatch(/next-swc/);
    expect(mapped).toMatch(/better_sqlite3\.node/);
    // What next.config.ts says still holds: its headers, and no X-Powered-By.
    const answer = await fetch(`${server.url}/api/health`);
    expect(answer.headers.get("x-frame-options")).toBe("DENY");
    expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers.get("x-powered-by")).toBeNull();
  });

  it("runs start.ts bundled, without tsx's loader thread, and leaves no bundle behind", () => {
    const pid = server.process.pid!;
    expect(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")).not.toContain("tsx");
    expect(fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`callboard-start-${pid}-`))).toEqual([]);
  });
});

describe("a start that fails", () => {
  it("says what is wrong with the environment, exits 1 and leaves no bundle behind", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-failed-start-"));
    try {
      const run = spawnSync(process.execPath, [...startScriptNodeArgs(), "--no-build"], {
        env: { ...process.env, TMPDIR: tmp, MIN_FREE_DISK_MB: "plenty" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Invalid environment:[\s\S]*MIN_FREE_DISK_MB/);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
