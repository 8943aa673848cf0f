import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { appPages, PUBLIC_PAGES, sampleUrl } from "./pages";
import { auth, createCandidate, expect, freshPhone, payload, postWebhook, retarget, test, type Role } from "./support";

/**
 * Every page, as every role: no serious or critical accessibility violation (axe-core, WCAG 2.1 AA rules, so
 * text contrast ≥ 4.5:1 included), at 1440×900 and at 390×844, and at 390 px no page is wider than the screen.
 */
const PAGES = appPages();
const samples: Record<string, string> = {};

test.beforeAll(async ({ request }) => {
  // A candidate whose page shows everything: a rescheduled call (a struck-through time), its transcript with a
  // 1,500-character unbroken token, a recording, deliveries and an audit trail.
  const candidate = await createCandidate(request, { name: `Every Page ${Date.now() % 100_000}`, phone: freshPhone(6) });
  const executionId = randomUUID();
  const long = "x".repeat(1500);
  for (const name of ["01-queued", "03-in-progress", "04-call-disconnected"])
    await postWebhook(request, retarget(name, executionId, candidate.phone));
  const finished = retarget("10-completed-rescheduled", executionId, candidate.phone);
  await postWebhook(request, {
    ...finished,
    transcript: `${String(payload("10-completed-rescheduled").transcript)}\nuser: ${long}`,
  });
  samples["/candidates/[id]"] = String(candidate.id);

  const batched = await createCandidate(request, { name: `Every Page Batch ${Date.now() % 100_000}`, phone: freshPhone(7) });
  const batch = await request.post("/api/batches", { headers: auth, data: { candidateIds: [batched.id], pacingMs: 0 } });
  expect(batch.status()).toBe(201);
  samples["/batches/[id]"] = String(((await batch.json()) as { batch: { id: number } }).batch.id);

  // A delivery no call or candidate matches: an admin's header then shows the inbox's count, whose words for
  // screen readers once sat outside the phone's scrolling menu and widened every page by 86 px.
  expect(await postWebhook(request, retarget("01-queued", randomUUID(), freshPhone(8)))).toBe("unmatched");

  // The candidate's own page (no session): a working self-service link.
  const link = await request.post(`/api/candidates/${batched.id}/self-service-link`, { headers: auth });
  expect(link.status()).toBe(201);
  samples["/i/[token]"] = ((await link.json()) as { url: string }).url.split("/i/")[1]!;
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
}

async function check(page: Page, url: string): Promise<void> {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    const response = await page.goto(url);
    expect(response?.status(), url).toBeLessThan(500);
    await page.waitForLoadState("load");
    expect(await seriousViolations(page), `${url} at ${viewport.width} px`).toEqual([]);
    if (viewport.width === 390) {
      const wide = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: window.innerWidth,
      }));
      expect(wide.page, `${url} is wider than a 390 px screen`).toBeLessThanOrEqual(wide.screen);
    }
  }
}

test("the page list comes from the app/ tree", () => {
  expect(PAGES).toEqual(expect.arrayContaining(["/", "/sign-in", "/candidates/[id]", "/candidates/[id]/edit", "/slots"]));
  expect(PAGES.some((page) => page.startsWith("/api"))).toBe(false);
});

for (const role of ["admin", "recruiter", null] satisfies (Role | null)[]) {
  test.describe(role ?? "signed out", () => {
    test.use({ role });
    for (const pattern of PAGES.filter((page) => (role === null) === PUBLIC_PAGES.has(page))) {
      test(`${pattern}: no serious accessibility problem, and nothing wider than a phone`, async ({ page }) => {
        // Two page loads and two axe runs over a page of 25 candidates, on a shared 2-core machine.
        test.setTimeout(120_000);
        await check(page, sampleUrl(pattern, samples));
      });
    }
  });
}
