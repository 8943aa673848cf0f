import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Real storage faults for a running server, made with the kernel rather than mocks (the tests run as root, where
 * chmod stops nothing):
 * - disk full: a size-limited tmpfs, then a filler file takes the rest of it (writes fail with ENOSPC);
 * - read-only filesystem: ext4 on a loop device, then ext4's own error trigger, which remounts it read-only
 *   under the open files exactly as a failing disk does (`mount -o remount,ro` is refused while a process
 *   holds a file open for writing);
 * - locked database: another process holds SQLite's WAL lock bytes in the -shm file, so that neither reads nor
 *   writes can begin.
 */

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return { ok: result.status === 0, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`.trim() };
}

const notRoot = () => (process.getuid?.() === 0 ? null : "mounting needs root (the hardening tests run as root in the sandbox)");

/** Null when tmpfs can be mounted here; otherwise why not. */
export function tmpfsUnavailable(probeDir: string): string | null {
  const root = notRoot();
  if (root) return root;
  fs.mkdirSync(probeDir, { recursive: true });
  const mounted = run("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probeDir]);
  if (!mounted.ok) return `cannot mount tmpfs: ${mounted.output}`;
  if (run("umount", [probeDir]).ok) fs.rmSync(probeDir, { recursive: true, force: true });
  return null;
}

/** Null when an ext4 loop filesystem with a working error trigger can be made here; otherwise why not. */
export function ext4LoopUnavailable(): string | null {
  const root = notRoot();
  if (root) return root;
  for (const tool of ["mkfs.ext4", "losetup", "e2fsck"]) {
    if (!run("sh", ["-c", `command -v ${tool}`]).ok) return `${tool} is not installed`;
  }
  if (!fs.existsSync("/dev/loop-control")) return "no loop devices (/dev/loop-control is missing)";
  if (!fs.existsSync("/sys/fs/ext4")) return "the kernel has no ext4 sysfs interface";
  return null;
}

export function pythonUnavailable(): string | null {
  return run("python3", ["-c", "import fcntl"]).ok ? null : "python3 with fcntl is not available";
}

export function mountTmpfs(dir: string, bytes: number): void {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${bytes}`, "tmpfs", dir]);
}

function unmount(dir: string): void {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (run("umount", [dir]).ok) return;
    spawnSync("sleep", ["0.1"]);
  }
  execFileSync("umount", ["-l", dir]);
}

/** Fills the filesystem of `dir` with one file until the kernel says it is full; returns the file. */
export function fillDisk(dir: string): string {
  const filler = path.join(dir, "filler.bin");
  const fd = fs.openSync(filler, "w");
  const block = Buffer.alloc(64 * 1024, 0xab);
  try {
    for (let i = 0; i < 1_000_000; i += 1) {
      try {
        fs.writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
        // Take the last partial block too.
        for (let size = 32 * 1024; size >= 512; size /= 2) {
          try {
            fs.writeSync(fd, block.subarray(0, size));
          } catch {
            // that much did not fit either
          }
        }
        return filler;
      }
    }
    throw new Error(`${dir} never filled up`);
  } finally {
    fs.closeSync(fd);
  }
}

export type Ext4Loop = { image: string; device: string; mountDir: string };

export function createExt4Loop(dir: string, megabytes: number): Ext4Loop {
  const image = path.join(dir, "disk.img");
  const mountDir = path.join(dir, "mnt");
  fs.mkdirSync(mountDir, { recursive: true });
  execFileSync("truncate", ["-s", `${megabytes}M`, image]);
  execFileSync("mkfs.ext4", ["-q", "-F", image]);
  const device = execFileSync("losetup", ["-f", "--show", image], { encoding: "utf8" }).trim();
  execFileSync("mount", ["-o", "errors=remount-ro", device, mountDir]);
  return { image, device, mountDir };
}

/** ext4 records an error and, with errors=remount-ro, turns the mounted filesystem read-only at once. */
export function triggerExt4Error(loop: Ext4Loop): void {
  fs.writeFileSync(`/sys/fs/ext4/${path.basename(loop.device)}/trigger_fs_error`, "callboard hardening test\n");
  const mounts = fs.readFileSync("/proc/mounts", "utf8");
  const line = mounts.split("\n").find((entry) => entry.split(" ")[1] === loop.mountDir);
  if (!line || !/(^|,)(ro|emergency_ro)(,|$)/.test(line.split(" ")[3] ?? "")) {
    throw new Error(`the filesystem did not turn read-only: ${line}`);
  }
}

/** The administrator's repair: unmount, fsck (replays the journal), mount read-write again. */
export function repairExt4(loop: Ext4Loop): string {
  unmount(loop.mountDir);
  const fsck = spawnSync("e2fsck", ["-fy", loop.device], { encoding: "utf8" });
  // 0: clean, 1: errors corrected.
  if (fsck.status !== 0 && fsck.status !== 1) throw new Error(`e2fsck failed (${fsck.status}): ${fsck.stdout}${fsck.stderr}`);
  execFileSync("mount", ["-o", "errors=remount-ro", loop.device, loop.mountDir]);
  return `e2fsck exit ${fsck.status}`;
}

const isMounted = (dir: string) =>
  fs
    .readFileSync("/proc/mounts", "utf8")
    .split("\n")
    .some((entry) => entry.split(" ")[1] === dir);

export function destroyExt4Loop(loop: Ext4Loop): void {
  if (isMounted(loop.mountDir)) unmount(loop.mountDir);
  run("losetup", ["-d", loop.device]);
  // The image (and the folder holding it) goes too, unless something is still mounted there.
  if (!isMounted(loop.mountDir)) fs.rmSync(path.dirname(loop.image), { recursive: true, force: true });
}

/** Unmounts a tmpfs made by mountTmpfs and removes its folder. */
export function removeTmpfs(dir: string): void {
  unmount(dir);
  if (!isMounted(dir)) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

const LOCKER = `
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
# SQLite's unix VFS locks the -shm bytes 120..127: WRITE, CHECKPOINT, RECOVER and the five read marks.
fcntl.lockf(fd, fcntl.LOCK_EX, 8, 120)
print("locked", flush=True)
sys.stdin.read()
`;

/** Holds every WAL lock of the database until the returned function is called. */
export async function holdWalLocks(databasePath: string): Promise<() => Promise<void>> {
  const locker = spawn("python3", ["-c", LOCKER, `${databasePath}-shm`], { stdio: ["pipe", "pipe", "pipe"] });
  let errors = "";
  locker.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the WAL locks were not taken within 30 s: ${errors}`)), 30_000);
    locker.stdout!.once("data", () => {
      clearTimeout(timer);
      resolve();
    });
    locker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the lock holder exited (${code}): ${errors}`));
    });
  });
  return () =>
    new Promise<void>((resolve) => {
      locker.removeAllListeners("exit");
      if (locker.exitCode !== null) return resolve();
      locker.once("exit", () => resolve());
      locker.stdin!.end();
    });
}
