import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { childPids, isAlive } from "../support/processes";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const DOCUMENTED_CONFIG = path.resolve(import.meta.dirname, "..", "..", "deploy", "nginx.conf");

/** The block that starts at `opening` (e.g. "upstream callboard {"), braces matched. */
function block(text: string, opening: RegExp): string {
  const match = opening.exec(text);
  if (!match) throw new Error(`deploy/nginx.conf has no block matching ${opening}`);
  let depth = 0;
  for (let i = match.index; i < text.length; i += 1) {
    if (text[i] === "{") depth += 1;
    if (text[i] === "}" && --depth === 0) return text.slice(match.index, i + 1);
  }
  throw new Error(`deploy/nginx.conf: the block ${opening} is not closed`);
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const found = text.match(new RegExp(pattern.source, "gm"))?.length ?? 0;
  if (found !== 1) throw new Error(`deploy/nginx.conf: expected ${pattern} once, found it ${found} times`);
  return text.replace(new RegExp(pattern.source, "m"), replacement);
}

/**
 * deploy/nginx.conf as the test runs it: its upstream pointed at the test's Callboard, and its HTTPS server block
 * listening on plain HTTP on a loopback port (its listen and ssl_ lines dropped). Everything else, every proxy
 * directive included, is the documented text.
 */
export function siteConfigForTest(upstreamPort: number, listenPort: number): string {
  const documented = fs
    .readFileSync(DOCUMENTED_CONFIG, "utf8")
    .split("\n")
    .map((line) => line.replace(/^\s*#.*$/, ""))
    .join("\n");
  const upstream = replaceOnce(
    block(documented, /^upstream callboard \{/m),
    /^\s*server 127\.0\.0\.1:3000;$/,
    `    server 127.0.0.1:${upstreamPort};`,
  );
  const tls = block(documented, /^server \{(?=[^}]*listen 443 ssl;)/m);
  const dropped = tls.split("\n").filter((line) => /^\s*(listen|ssl_\w+)\s/.test(line));
  if (!dropped.some((line) => line.includes("443 ssl"))) throw new Error("deploy/nginx.conf: no `listen 443 ssl` line");
  const plain = tls
    .split("\n")
    .filter((line) => !dropped.includes(line))
    .join("\n")
    .replace(/^server \{/, `server {\n    listen 127.0.0.1:${listenPort};`);
  return `${upstream}\n\n${plain}\n`;
}

export type Nginx = { url: string; test: () => { ok: boolean; output: string }; stop: () => Promise<void> };

function mainConfig(dir: string, site: string): string {
  const at = (name: string) => path.join(dir, name);
  return [
    "daemon off;",
    "worker_processes 1;",
    `pid ${at("nginx.pid")};`,
    `error_log ${at("error.log")} warn;`,
    "events { worker_connections 256; }",
    "http {",
    `    access_log ${at("access.log")};`,
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `    ${kind}_temp_path ${at(kind)};`),
    site,
    "}",
    "",
  ].join("\n");
}

/** nginx's arguments for a main config written into `dir`: its pid file, logs and temp paths are there too. */
function nginxCommand(dir: string, site: string) {
  const configPath = path.join(dir, "nginx.conf");
  fs.writeFileSync(configPath, mainConfig(dir, site));
  return ["-p", `${dir}/`, "-c", configPath, "-e", path.join(dir, "error.log")];
}

/** `nginx -t` of the config that startNginx would run. */
export function testConfig(dir: string, site: string): { ok: boolean; output: string } {
  const result = spawnSync(NGINX, [...nginxCommand(dir, site), "-t"], { encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    try {
      await fetch(`${url}/api/health`);
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not start listening on ${url}:\n${log()}`);
}

/**
 * Debian's nginx as a child process with its own config, never the system service. `dir` must be traversable by
 * nginx's worker user when the tests run as root (the master then drops to `nobody`).
 */
export async function startNginx(dir: string, site: string, port: number): Promise<Nginx> {
  const args = nginxCommand(dir, site);
  const child = spawn(NGINX, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const log = () => {
    const errorLog = path.join(dir, "error.log");
    return `${output}${fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8") : ""}`;
  };
  // Should the test process exit without running afterAll, nginx must not outlive it (SIGTERM: its master stops
  // the worker too).
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const workers = childPids(child.pid);
    // SIGTERM is nginx's fast shutdown: it does not wait for open streams such as /api/live.
    child.kill("SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") child.kill("SIGKILL");
    for (const worker of workers) if (isAlive(worker)) process.kill(worker, "SIGKILL");
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, test: () => testConfig(dir, site), stop };
}
