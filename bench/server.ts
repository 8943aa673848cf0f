import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../tests/support/free-port";
import { startScriptEnv, startScriptNodeArgs } from "../tests/support/server";

/**
 * Starts the real production server the way `npm start` does (node [its flags] scripts/start.mjs) on a free
 * loopback port and the benchmark's database. The build must exist in NEXT_DIST_DIR already (run.ts makes it
 * first), so the start never builds under load.
 */

export const ADMIN = { email: "bench.admin@example.com", password: "bench-admin-password-1" } as const;
export const API_TOKEN = "bench-api-token-0123456789abcdef";
export const AGENT_TOOL_TOKEN = "bench-agent-tool-token-0123456789abcdef";

export type BenchServer = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<{ code: number | null; signal: string | null; killed: boolean }>;
};

export type StartOptions = {
  databasePath: string;
  distDir: string;
  synchronous: string;
  cpuProfDir?: string;
  nodeArgs?: string[];
};

export async function startServer(options: StartOptions): Promise<BenchServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...startScriptEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: options.distDir,
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    DATABASE_PATH: options.databasePath,
    SQLITE_SYNCHRONOUS: options.synchronous,
    SEED_DEMO: "false",
    WEBHOOK_ALLOW_LOOPBACK: "true",
    API_TOKEN,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    INTERVIEW_TIMEZONE: "UTC",
    DEFAULT_COUNTRY: "IN",
    // The agent phase (bench/measure-agent.ts) plays Bolna's tool requests, look-ups included, far faster than calls come.
    AGENT_TOOL_TOKEN,
    AGENT_CALLER_RATE_LIMIT: "10000",
    // The no-op comparison route (see bench/README.md) answers only when this is set.
    BENCH_NOOP_ROUTE: "1",
    // The webhook gate's per-sender limit (default 300/s) would cap a load that all comes from 127.0.0.1 and answer
    // 429s: the bench measures the server's capacity, so it is off unless BENCH_WEBHOOK_RATE_LIMIT sets it.
    WEBHOOK_RATE_LIMIT: process.env.BENCH_WEBHOOK_RATE_LIMIT ?? "0",
    // Likewise one address's share of the requests being answered (16): the load is one client on 127.0.0.1.
    MAX_IN_FLIGHT_PER_ADDRESS: "10000",
    // Keeps the reconciler (which asks Bolna about calls silent for 5 min) out of the measurement window.
    RECONCILE_AFTER_MINUTES: "60",
    // The reminder scheduler would start calling the seeded confirmed candidates whose interviews fall within a
    // day (thousands at 100k), each call reading the slot pool, on the core the load is measured on.
    RECONFIRM_HOURS_BEFORE: "0",
  };
  // Nothing from the caller's shell may change what is measured (a secret, an allowlist, a proxy hop, live Bolna).
  for (const key of [
    "BOLNA_API_KEY",
    "WEBHOOK_SECRET",
    "BOLNA_WEBHOOK_IPS",
    "TRUSTED_PROXY_HOPS",
    "APP_URL",
    "RECONCILE_AFTER_SECONDS",
  ])
    delete env[key];

  const args = [
    ...(options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    ...(options.nodeArgs ?? []),
    ...startScriptNodeArgs(),
    // The build is made before the server starts (run.ts); a start script that knows the flag never rebuilds.
    "--no-build",
  ];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 120_000;
  let healthy = false;
  for (let attempt = 0; attempt < 2400 && Date.now() < deadline && !healthy; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      healthy = (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
    } catch {
      // not listening yet
    }
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!healthy) {
    child.kill("SIGKILL");
    throw new Error(`server did not become healthy in 120 s:\n${output}`);
  }

  const stop = () =>
    new Promise<{ code: number | null; signal: string | null; killed: boolean }>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return resolve({ code: child.exitCode, signal: child.signalCode, killed: false });
      let killed = false;
      // SIGTERM lets start.ts close the server and exit, which is when --cpu-prof writes its profile.
      const hard = setTimeout(() => {
        killed = true;
        child.kill("SIGKILL");
      }, 20_000);
      child.once("exit", (code, signal) => {
        clearTimeout(hard);
        resolve({ code, signal, killed });
      });
      child.kill("SIGTERM");
    });
  return { url, port, process: child, output: () => output, stop };
}

// ---- Which process serves, and how much memory it holds ----

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) follows the parenthesised command, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return out;
}

function processTree(root: number): number[] {
  const all = [root];
  for (let i = 0; i < all.length && all.length < 200; i++) all.push(...childrenOf(all[i]!));
  return all;
}

function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is ADDR:PORT; st 0A is LISTEN; column 9 is the socket inode.
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === "0A") return cols[9] ?? null;
    }
  }
  return null;
}

/** The pid (within the spawned tree) that holds the listening socket: the process that actually serves. */
export function servingPid(root: number, port: number): number | null {
  const inode = listeningInode(port);
  if (!inode) return null;
  for (const pid of processTree(root)) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
        } catch {
          // fd closed meanwhile
        }
      }
    } catch {
      // process gone
    }
  }
  return null;
}

export function rssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system) a process has used so far, in ms: all its threads, or one (`thread`: a thread id; the
 * process id is its main thread, Node's event loop).
 */
export function cpuMs(pid: number, thread?: number): number | null {
  try {
    const stat = fs.readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command: state is field 3, so utime (14) and stime (15) are at indexes 11 and 12; ticks are 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 200);
  } catch {
    return "?";
  }
}

export type PhaseMemory = { phase: string; peakBytes: number; endBytes: number; seconds: number };

/**
 * Samples VmRSS of the serving pid every 100 ms (and of its whole tree every second) until stopped; `phase()`
 * closes the current phase with its own peak, so a report can tell which phase held the most.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private tree: number[] = [];
  private ticks = 0;
  private phaseName = "start";
  private phasePeak = 0;
  private phaseStarted = Date.now();
  readonly phases: PhaseMemory[] = [];
  /** Every other process seen in the server's tree, with its command line. */
  readonly others = new Map<number, string>();
  peak = 0;
  peakTree = 0;
  samples = 0;
  last = 0;

  constructor(private readonly pid: number) {
    this.tree = processTree(pid);
  }

  start(phase = "start"): this {
    this.phaseName = phase;
    this.phaseStarted = Date.now();
    this.timer = setInterval(() => this.sample(), 100);
    this.sample();
    return this;
  }

  phase(name: string): void {
    this.sample();
    this.phases.push({
      phase: this.phaseName,
      peakBytes: this.phasePeak,
      endBytes: this.last,
      seconds: Math.round((Date.now() - this.phaseStarted) / 100) / 10,
    });
    this.phaseName = name;
    this.phasePeak = this.last;
    this.phaseStarted = Date.now();
  }

  private sample() {
    const rss = rssBytes(this.pid);
    if (rss === null) return;
    this.last = rss;
    this.samples += 1;
    if (rss > this.peak) this.peak = rss;
    if (rss > this.phasePeak) this.phasePeak = rss;
    if (++this.ticks % 10 === 0) {
      this.tree = processTree(this.pid);
      for (const pid of this.tree) if (pid !== this.pid && !this.others.has(pid)) this.others.set(pid, commandOf(pid));
    }
    const tree = this.tree.reduce((sum, pid) => sum + (pid === this.pid ? rss : (rssBytes(pid) ?? 0)), 0);
    if (tree > this.peakTree) this.peakTree = tree;
  }

  stop(): { peakBytes: number; peakTreeBytes: number; samples: number; others: Record<number, string>; phases: PhaseMemory[] } {
    this.phase("end");
    clearInterval(this.timer);
    this.timer = undefined;
    return {
      peakBytes: this.peak,
      peakTreeBytes: this.peakTree,
      samples: this.samples,
      others: Object.fromEntries(this.others),
      phases: this.phases,
    };
  }
}

/**
 * The profiles of `pid`, the main thread's first: node names them CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile,
 * one per thread (the writer's and an export's too: lib/server/thread-exec-argv.ts).
 */
export function serverProfiles(dir: string, pid: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const pattern = new RegExp(`^CPU\\.\\d+\\.\\d+\\.${pid}\\.(\\d+)\\.\\d+\\.cpuprofile$`);
  return fs
    .readdirSync(dir)
    .flatMap((file) => {
      const thread = pattern.exec(file)?.[1];
      return thread === undefined ? [] : [{ file: path.join(dir, file), thread: Number(thread) }];
    })
    .sort((a, b) => a.thread - b.thread)
    .map(({ file }) => file);
}
