import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3217);
// Set once in the runner; workers inherit it, so every test sees the same temporary database. Only named here:
// the server makes the folder when it opens the database, and the run's end removes it (e2e/global-teardown.ts).
// Tools that only read this file (knip loads it) leave nothing behind.
if (!process.env.E2E_DATABASE_PATH) {
  process.env.E2E_TEMP_DIR = path.join(os.tmpdir(), `callboard-e2e-${crypto.randomUUID()}`);
  process.env.E2E_DATABASE_PATH = path.join(process.env.E2E_TEMP_DIR, "e2e.db");
}

// Debian's Chromium: Playwright cannot download its own browser on this network.
const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  globalTeardown: "./e2e/global-teardown.ts",
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in once per role and saves the session (e2e/.auth/<role>.json) for the specs (e2e/support.ts).
    // The same browser as the specs': in India, so that the zone it tells the server at sign-in is the specs' too.
    { name: "setup", testMatch: /sign-in\.setup\.ts/, use: { timezoneId: "Asia/Kolkata", launchOptions: chromiumLaunch } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        // A recruiter's browser as it was reported: in India, while the server runs in UTC.
        timezoneId: "Asia/Kolkata",
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: {
    // `npm test` and `npm run test:e2e` build first (scripts/ensure-build.ts).
    command: "node scripts/start.mjs --no-build",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      WEBHOOK_ALLOW_LOOPBACK: "true",
      // The same values as e2e/support.ts.
      ADMIN_EMAIL: "e2e-admin@example.com",
      ADMIN_PASSWORD: "e2e-admin-password",
      API_TOKEN: "e2e-api-token-0123456789abcdef",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // As tests/support/server.ts: a shared machine's timers run late by a second at times.
      MAX_EVENT_LOOP_LAG_MS: "10000",
      // A call Bolna has not reported on for 3 s counts as stuck, so "End call" can be tested without waiting minutes.
      RECONCILE_AFTER_SECONDS: "3",
      // Every spec's browser is 127.0.0.1: at the default 30 a minute the self-service specs, run one after another,
      // were refused with 429 on a slow machine (CI). The limit itself is tested over HTTP (tests/security-forwarding).
      SELF_SERVICE_RATE_LIMIT: "1000",
    },
  },
});
