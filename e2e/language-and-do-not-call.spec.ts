import path from "node:path";
import { type APIRequestContext, type Page } from "@playwright/test";
import { auth, createCandidate, ensureRecruiter, expect, freshPhone, test } from "./support";

/**
 * The candidate's language and "stop calling me" in a real browser: the self-service page in Hindi (Devanagari
 * set in Noto), and the do-not-call controls a recruiter sets and an admin lifts, at phone and desktop widths.
 * Screenshots go to test-results/agent/ (not committed).
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join("test-results", "agent", `${name}.png`), fullPage: true });
}

async function hindiCandidateLink(request: APIRequestContext) {
  const created = await request.post("/api/candidates", {
    headers: auth,
    data: {
      name: "Priya Sharma",
      phone: freshPhone(2),
      position: "Data Engineer",
      timeZone: "Asia/Kolkata",
      language: "hi",
      interviewAt: "2028-10-13T05:30:00Z",
    },
  });
  expect(created.status()).toBe(201);
  const { candidate } = (await created.json()) as { candidate: { id: number } };
  await request.post("/api/slots", { headers: auth, data: { startsAt: "2028-10-16T09:00:00Z", capacity: 2 } });
  const link = await request.post(`/api/candidates/${candidate.id}/self-service-link`, { headers: auth });
  expect(link.status()).toBe(201);
  return { candidate, path: new URL(((await link.json()) as { url: string }).url).pathname };
}

test.describe("the self-service page in Hindi", () => {
  test.use({ role: null });

  for (const [label, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    test(`reads in Hindi on a ${label}, and confirms in Hindi`, async ({ page, request }) => {
      await page.setViewportSize(viewport);
      const { path: link, candidate } = await hindiCandidateLink(request);
      await page.goto(link);
      await expect(page.locator("main")).toHaveAttribute("lang", "hi");
      await expect(page.getByText("नमस्ते Priya,")).toBeVisible();
      await expect(page.getByRole("heading", { name: "Data Engineer के लिए आपका इंटरव्यू" })).toBeVisible();
      await expect(page.getByTestId("interview-time")).toHaveText(/^शुक्रवार 13 अक्[टत]ूबर 2028, 11:00 IST$/);
      await expect(page.getByText("या कोई और समय चुनें")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await shoot(page, `self-service-hindi-${label}`);
      await page.getByRole("button", { name: "हाँ, मैं आऊँगा/आऊँगी" }).click();
      await expect(page.getByRole("status")).toContainText("धन्यवाद, आपके इंटरव्यू की पुष्टि हो गई है।");
      await shoot(page, `self-service-hindi-${label}-confirmed`);
      const after = await request.get(`/api/candidates/${candidate.id}`, { headers: auth });
      expect(((await after.json()) as { candidate: { status: string } }).candidate.status).toBe("confirmed");
    });
  }
});

test.describe("do-not-call controls", () => {
  test.describe("as a recruiter on a phone", () => {
    test.use({ role: "recruiter", viewport: PHONE });
    test.beforeAll(async ({ request }) => ensureRecruiter(request));

    test("sets do-not-call with a reason; call now is gone; only an admin may lift it", async ({ page, request }) => {
      const candidate = await createCandidate(request, { name: "Kabir Menon" });
      await page.goto(`/candidates/${candidate.id}`);
      const panel = page.getByRole("region", { name: "Do not call" });
      await expect(panel.getByText("Callboard may call this candidate.")).toBeVisible();
      await panel.getByRole("button", { name: "Do not call" }).click();
      await expect(panel.getByRole("alert")).toBeVisible();
      await panel.getByLabel("Why not call them?").fill("Asked on the phone not to be called again");
      await panel.getByRole("button", { name: "Do not call" }).click();
      await expect(panel.getByTestId("do-not-call")).toContainText("Not to be called");
      await expect(panel.getByTestId("do-not-call")).toContainText(/IST|UTC/);
      await expect(panel.getByText("Only an admin can lift it.")).toBeVisible();
      await expect(page.getByRole("button", { name: /Call now/ })).toHaveCount(0);
      await expect(page.getByTestId("do-not-call-badge")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await shoot(page, "do-not-call-recruiter-phone");

      await page.goto(`/?q=${encodeURIComponent("Kabir Menon")}`);
      await expect(page.getByTestId("do-not-call-badge")).toBeVisible();
      await shoot(page, "do-not-call-board-phone");
    });
  });

  test.describe("as an admin", () => {
    for (const [label, viewport] of [
      ["phone", PHONE],
      ["desktop", DESKTOP],
    ] as const) {
      test(`lifts do-not-call with a reason on a ${label}`, async ({ page, request }) => {
        await page.setViewportSize(viewport);
        const candidate = await createCandidate(request, { name: `Lift ${label} Candidate` });
        const set = await request.put(`/api/candidates/${candidate.id}/do-not-call`, {
          headers: auth,
          data: { doNotCall: true, reason: "Asked not to be called" },
        });
        expect(set.status()).toBe(200);
        await page.goto(`/candidates/${candidate.id}`);
        const panel = page.getByRole("region", { name: "Do not call" });
        await expect(panel.getByTestId("do-not-call")).toContainText("Asked not to be called");
        await shoot(page, `do-not-call-admin-${label}`);
        await panel.getByLabel("Why may they be called again?").fill("Wrote to ask us to call again");
        await panel.getByRole("button", { name: "Lift do-not-call" }).click();
        await expect(panel.getByTestId("do-not-call")).toHaveText("Callboard may call this candidate.");
        await expect(page.getByRole("button", { name: /Call now/ })).toBeVisible();
        const trail = page.getByText("Do-not-call lifted: Wrote to ask us to call again");
        await expect(trail.first()).toBeVisible();
      });
    }
  });
});
