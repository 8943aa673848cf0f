/**
 * `npm run screenshots`: the pictures of Callboard in README.md, made the same way every time. It builds if needed,
 * starts the production server on a fresh demo database (calls simulated fast), plays a few calls so that the
 * board shows every kind of outcome, and writes PNGs of the board and a candidate's page at 1440×900 and
 * 390×844 to docs/screenshots/ (a recruiter in India: the browser's zone is Asia/Kolkata). `npm test` never
 * runs it, so the tree stays clean.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { startServer, type TestServer } from "../tests/support/server";
import { ensureBuild } from "./ensure-build";

const OUT = path.join(import.meta.dirname, "..", "docs", "screenshots");
const ADMIN = { email: "screens-admin@example.com", password: "screens-admin-password" };
const TOKEN = "screenshots-api-token-0123456789";
const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

type Json = Record<string, unknown>;

async function api(server: TestServer, route: string, init: { method?: string; body?: unknown } = {}): Promise<Json> {
  const response = await fetch(`${server.url}${route}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Json;
}

async function candidateId(server: TestServer, phone: string): Promise<number> {
  const { candidates } = (await api(server, `/api/candidates?q=${encodeURIComponent(phone)}`)) as { candidates: Json[] };
  return candidates[0]!.id as number;
}

/** Places the demo calls (the simulator's outcome follows the phone's last digit) and waits until each has ended. */
async function playCalls(server: TestServer): Promise<void> {
  const ids = await Promise.all(
    ["+919800000101", "+919800000102", "+919800000103", "+919800000105", "+919800000106"].map((phone) =>
      candidateId(server, phone),
    ),
  );
  for (const id of ids) await api(server, `/api/candidates/${id}/call`, { method: "POST" });
  const deadline = Date.now() + 60_000;
  for (const id of ids) {
    for (;;) {
      const { candidate } = (await api(server, `/api/candidates/${id}`)) as { candidate: Json };
      if (candidate.status !== "calling") break;
      if (Date.now() > deadline) throw new Error(`candidate ${id} is still being called`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function shoot(browser: Browser, server: TestServer, name: string, route: string): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    const context = await browser.newContext({ viewport, timezoneId: "Asia/Kolkata", locale: "en-IN", baseURL: server.url });
    const page: Page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(route);
    await page.locator("[data-live-mode=live]").first().waitFor();
    const file = path.join(OUT, `${name}-${size}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    await context.close();
  }
}

async function main(): Promise<void> {
  await ensureBuild();
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    API_TOKEN: TOKEN,
    BOLNA_SIMULATOR_SPEED: "20",
    WEBHOOK_ALLOW_LOOPBACK: "true",
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    await playCalls(server);
    await shoot(browser, server, "board", "/");
    await shoot(browser, server, "candidate", `/candidates/${await candidateId(server, "+919800000106")}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
