import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "../../scripts/ensure-build";

/**
 * One production build before any test starts a server (a no-op when the build is current).
 * `SKIP_BUILD=1` skips it when only in-process tests are run.
 *
 * Every temporary file of the run (databases, servers' folders, uploads) goes under one folder that is removed
 * at the end: test workers and the servers they start inherit TMPDIR, so the machine's /tmp does not fill up
 * run after run.
 */
export default async function setup() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-test-run-"));
  const remove = () => fs.rmSync(runDir, { recursive: true, force: true });
  process.env.TMPDIR = runDir;
  try {
    if (process.env.SKIP_BUILD !== "1") await ensureBuild();
  } catch (error) {
    // A failed build (a type error) ends the run before any teardown: the folder goes now.
    remove();
    throw error;
  }
  return remove;
}
