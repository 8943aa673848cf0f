import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "./free-port";
import { tempDatabasePath } from "./temp-database";

export type TestServer = {
  url: string;
  databasePath: string;
  process: ChildProcess;
  /** Everything the server has printed so far (stdout and stderr). */
  output: () => string;
  stop: () => Promise<void>;
};

const startScript = () =>
  (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.start!.split(/\s+/);

/** What package.json's "start" script hands `node` (the heap limits, the script), so that tests run the server as npm start does. */
export function startScriptNodeArgs(): string[] {
  const words = startScript();
  return words.slice(words.indexOf("node") + 1);
}

/** The variables package.json's "start" script sets before `node` (the allocator's arenas), for the same reason. */
export function startScriptEnv(): Record<string, string> {
  const words = startScript();
  const assignments = words.slice(0, Math.max(0, words.indexOf("node")));
  return Object.fromEntries(assignments.map((assignment) => assignment.split("=", 2) as [string, string]));
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/**
 * Starts the real production server (`npm start`'s script, or a bare `next start` to prove it fails closed)
 * on a free port and a temporary database. The build must already exist: vitest's global setup makes it.
 */
export async function startServer(
  env: Record<string, string> = {},
  command: "start" | "next-start" = "start",
): Promise<TestServer> {
  const databasePath = env.DATABASE_PATH ?? tempDatabasePath();
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...startScriptEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOSTNAME: "127.0.0.1",
    LOG_LEVEL: "warn",
    // The test machine is shared: with the load average several times its cores, every process's timers run late
    // by a second at times, which a dedicated server never sees. Its servers shed for a lag far past that only.
    MAX_EVENT_LOOP_LAG_MS: "10000",
    ...env,
    PORT: String(port),
    DATABASE_PATH: databasePath,
  };
  for (const key of ["BOLNA_API_KEY", "WEBHOOK_SECRET", "BOLNA_WEBHOOK_IPS", "TRUSTED_PROXY_HOPS", "API_TOKEN"]) {
    if (!(key in env)) delete childEnv[key];
  }
  const args =
    command === "start"
      ? [...startScriptNodeArgs(), "--no-build"]
      : [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)];
  const child = spawn(process.execPath, args, { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    databasePath,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
