import { chromium } from "@playwright/test";
const base = process.argv[2];
const paths = (process.argv[3] ?? "/").split(",");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [w, h] of [[390, 844], [1440, 900]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill("a@example.com");
  await page.getByLabel("Password").fill("probe-admin-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${base}/`);
  for (const p of paths) {
    await page.goto(`${base}${p}`);
    await page.waitForLoadState("networkidle").catch(() => {});
    const name = p.replace(/[^a-z0-9]+/gi, "_") || "root";
    await page.screenshot({ path: `/tmp/i19-shots/${name}-${w}.png`, fullPage: false });
  }
  await context.close();
}
await browser.close();
