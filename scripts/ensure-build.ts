import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
const STAMP = path.join(DIST, "callboard-source-hash");
const SOURCE_DIRS = ["app", "lib", "db", "messages", "public"];
// Every file at the top that a build reads: next.config.ts, proxy.ts, instrumentation.ts, tsconfig.json, the
// package and lock files, postcss.config.mjs, … (test-tool configs are read too: harmless, they change rarely).
const isRootInput = (name: string) => /\.(ts|mts|js|mjs|json)$/.test(name) && name !== "next-env.d.ts"; // written by the build itself

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (!/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** A hash of everything the production build is made from: a build of other sources is not "current". */
function sourceHash(): string {
  const hash = crypto.createHash("sha256");
  const rootFiles = fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isFile() && isRootInput(entry.name))
    .map((entry) => path.join(ROOT, entry.name));
  const files = [...SOURCE_DIRS.flatMap((dir) => [...walk(path.join(ROOT, dir))]), ...rootFiles].sort();
  for (const file of files) hash.update(path.relative(ROOT, file)).update("\0").update(fs.readFileSync(file));
  return hash.digest("hex");
}

const seconds = (since: number) => `${Math.round((performance.now() - since) / 1000)} s`;
/** How long `next build` may stay quiet before the newcomer is told it is still at work. */
const QUIET_NOTICE_MS = 15_000;

/**
 * Runs `next build`, its own output passed through as it comes, and a line every 15 s when it has been quiet for
 * that long (compiling and collecting page data can take minutes on a busy machine, saying nothing meanwhile).
 */
function build(): Promise<void> {
  const started = performance.now();
  let lastOutput = started;
  const child = spawn("npx", ["next", "build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const passOn = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    lastOutput = performance.now();
    to.write(chunk);
  };
  child.stdout.on("data", passOn(process.stdout));
  child.stderr.on("data", passOn(process.stderr));
  const ticker = setInterval(() => {
    if (performance.now() - lastOutput < QUIET_NOTICE_MS) return;
    lastOutput = performance.now();
    console.log(`Callboard: still building (${seconds(started)} so far)…`);
  }, 1_000);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      clearInterval(ticker);
      if (code !== 0) return reject(new Error(`next build failed (exit ${code ?? signal}) after ${seconds(started)}`));
      console.log(`Callboard: built in ${seconds(started)}.`);
      resolve();
    });
  });
}

/** Runs `next build` when there is no build of the current sources. */
export async function ensureBuild(): Promise<void> {
  const wanted = sourceHash();
  const built = fs.existsSync(path.join(DIST, "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === wanted;
  if (built) return;
  console.log("Callboard: building the production bundle (first start or sources changed); this takes a few minutes…");
  await build();
  fs.writeFileSync(STAMP, wanted);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureBuild().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
