import fs from "node:fs";
import path from "node:path";

/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time aggregated by functionName + url, and by package or
 * file. Run it alone: `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`.
 */

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

type ProfileRow = { name: string; where: string; selfMs: number; percent: number };
export type ProfileSummary = {
  file: string;
  /** The part of the profile summarised, in the profile's clock (µs, CLOCK_MONOTONIC like process.hrtime). */
  window: { fromUs: number; toUs: number } | null;
  totalMs: number;
  busyMs: number;
  idleMs: number;
  top: ProfileRow[];
  byPackage: ProfileRow[];
};

const IDLE = new Set(["(idle)"]);

function shortUrl(url: string): string {
  if (!url) return "(native)";
  const clean = url.replace(/^file:\/\//, "");
  const rel = path.relative(process.cwd(), clean);
  return rel.startsWith("..") ? clean : rel;
}

/** node_modules/<pkg> (or @scope/pkg), the Next build's folder, or the app file itself. */
function packageOf(url: string): string {
  const where = shortUrl(url);
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (match) return `node_modules/${match[1]}`;
  if (/^\.next[^/]*\/server\/chunks\//.test(where)) return where.replace(/\/[^/]+$/, "/*");
  if (where.startsWith("node:")) return "node: (core)";
  return where;
}

/** `window` limits the summary to samples taken in [fromUs, toUs] (e.g. one load, without the server's start-up). */
export function summarizeProfile(file: string, top = 10, window: { fromUs: number; toUs: number } | null = null): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  // timeDeltas[i] is the gap before sample i; the sample's node gets that slice of time (µs).
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = Math.max(0, profile.timeDeltas[i] ?? 0);
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + delta);
  }
  const byFunction = new Map<string, ProfileRow>();
  const byPackage = new Map<string, ProfileRow>();
  let totalUs = 0;
  let idleUs = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || "(anonymous)";
    totalUs += us;
    if (IDLE.has(name)) {
      idleUs += us;
      continue;
    }
    const where = frame.url ? `${shortUrl(frame.url)}` : "";
    const key = `${name}\u0000${where}`;
    const row = byFunction.get(key) ?? { name, where, selfMs: 0, percent: 0 };
    row.selfMs += us / 1000;
    byFunction.set(key, row);
    const pkg = frame.url ? packageOf(frame.url) : name.startsWith("(") ? name : "(native)";
    const pkgRow = byPackage.get(pkg) ?? { name: pkg, where: "", selfMs: 0, percent: 0 };
    pkgRow.selfMs += us / 1000;
    byPackage.set(pkg, pkgRow);
  }
  const busyMs = (totalUs - idleUs) / 1000;
  const finish = (rows: Iterable<ProfileRow>) =>
    [...rows]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((row) => ({ ...row, selfMs: Math.round(row.selfMs), percent: Math.round((row.selfMs / busyMs) * 1000) / 10 }));
  return {
    file,
    window,
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyMs),
    idleMs: Math.round(idleUs / 1000),
    top: finish(byFunction.values()),
    byPackage: finish(byPackage.values()),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const lines = [
    `CPU profile ${summary.file}${summary.window ? ` (only the ${((summary.window.toUs - summary.window.fromUs) / 1e6).toFixed(1)} s of the measured load)` : ""}`,
    `  sampled ${summary.totalMs} ms, of which busy ${summary.busyMs} ms (idle ${summary.idleMs} ms); % below is of busy time`,
    "  top self time by function (functionName  url):",
    ...summary.top.map(
      (row, i) =>
        `  ${String(i + 1).padStart(2)}. ${String(row.selfMs).padStart(7)} ms ${String(row.percent).padStart(5)}%  ${row.name}  ${row.where}`,
    ),
    "  self time by package / file:",
    ...summary.byPackage.map(
      (row, i) =>
        `  ${String(i + 1).padStart(2)}. ${String(row.selfMs).padStart(7)} ms ${String(row.percent).padStart(5)}%  ${row.name}`,
    ),
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const top = /^\d+$/.test(args.at(-1) ?? "") ? Number(args.pop()) : 10;
  if (args.length === 0) {
    console.error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile>... [top]");
    process.exit(2);
  }
  for (const file of args) console.log(formatProfile(summarizeProfile(file, top)));
}
