import fs from "node:fs";

/** Removes the run's temporary database folder, when playwright.config.ts made one. */
export default function globalTeardown() {
  const dir = process.env.E2E_TEMP_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
