import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * Tests that need client addresses other than loopback run inside a network namespace of their own (`unshare -n`),
 * with their addresses on that namespace's `lo`: never on this machine's interfaces or its own `lo`. A test file
 * re-runs itself there: outside, `inOwnNetns` is false and `runInOwnNetns` starts vitest on the file inside a new
 * namespace (server, proxy and clients all live and die with it); inside, the file's real tests run.
 */
export const inOwnNetns = process.env.CALLBOARD_NETNS === "1";

/** Null when a network namespace can be made here; otherwise why not. */
export function netnsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return "unshare -n needs root (the tests run as root in the sandbox and in CI)";
  const probe = spawnSync("unshare", ["-n", "ip", "link", "set", "lo", "up"], { encoding: "utf8" });
  return probe.status === 0 ? null : `unshare -n failed: ${probe.stderr || probe.error?.message}`;
}

/** Runs vitest on `testFile` inside a new network namespace whose `lo` also has `addresses`; its exit and output. */
export function runInOwnNetns(
  testFile: string,
  addresses: string[],
  timeoutMs: number,
): { status: number | null; output: string } {
  const setup = [
    "ip link set lo up",
    ...addresses.map((address) => `ip addr add ${address}${address.includes(":") ? "/128" : "/32"} dev lo`),
  ].join(" && ");
  const vitest = path.join("node_modules", "vitest", "vitest.mjs");
  const result = spawnSync(
    "unshare",
    ["-n", "sh", "-c", `${setup} && exec "${process.execPath}" ${vitest} run "${path.relative(process.cwd(), testFile)}"`],
    {
      encoding: "utf8",
      timeout: timeoutMs,
      env: {
        ...process.env,
        CALLBOARD_NETNS: "1",
        // The outer run built the app already (its global setup); the inner one must not rebuild under it.
        SKIP_BUILD: "1",
        NO_COLOR: "1",
      },
    },
  );
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? `\n${result.error.message}` : ""}`;
  // Without the terminal's colour codes, so that the caller can read the summary.
  return { status: result.status, output: output.replace(/\x1b\[[0-9;]*m/g, "") };
}
