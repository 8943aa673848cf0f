import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Writes a small file that must never be seen empty or half written, even after a crash, a power loss or a
 * filesystem error (a plain writeFileSync can leave 0 bytes behind): the content goes to a temporary file that is
 * synced, then takes the file's name in one step and the folder is synced so that the name survives too.
 * `exclusive` names it with a hard link, which fails with EEXIST when another process got there first.
 */
export function writeFileDurably(file: string, data: string, { exclusive = false } = {}): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString("hex")}.tmp`);
  const fd = fs.openSync(temp, "wx", 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (exclusive) fs.linkSync(temp, file);
    else fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncFolder(dir);
}

function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Not every platform can sync a folder; the file itself is already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The value kept in `file` (`parse` returns null for anything unusable), else a new one from `create`, written
 * durably. An unusable file (left empty by a crash before it was written this way) is replaced. When processes
 * race to create it, each ends up with the one written first; `created` says whether that was this call's.
 */
export function keptOrCreated<T>(
  file: string,
  parse: (text: string) => T | null,
  create: () => string,
): { value: T; created: boolean } {
  const text = readFileIfExists(file);
  const kept = text === null ? null : parse(text);
  if (kept !== null) return { value: kept, created: false };
  if (text !== null) fs.rmSync(file, { force: true });
  let created = true;
  try {
    writeFileDurably(file, create(), { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    created = false;
  }
  const value = parse(readFileIfExists(file) ?? "");
  if (value === null) throw new Error(`${file} holds nothing usable`);
  return { value, created };
}

function readFileIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
