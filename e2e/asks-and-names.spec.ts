import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { auth, createCandidate, expect, openBoard, test } from "./support";

/** Small things in the browser: accessible names that contain the visible label; Deactivate asks first. */

async function nameMismatches(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withRules(["label-content-name-mismatch"]).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(" ")));
}

test("every control's accessible name contains its visible label: the board, its to-mark view, a candidate page", async ({
  page,
  request,
}) => {
  const past = await createCandidate(request, {
    name: `Label Check ${Date.now() % 100_000}`,
    interviewAt: "2026-01-05T06:00:00.000Z",
    allowPast: true,
  });
  await request.put(`/api/candidates/${past.id}/status`, { headers: auth, data: { status: "confirmed", reason: "e2e" } });
  for (const [url, ready] of [
    ["/", "Candidates"],
    [`/?attendance=to_mark&q=${encodeURIComponent(past.name)}`, "Candidates"],
    [`/candidates/${past.id}`, past.name],
    ["/admin/users", "Users"],
  ] as const) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: ready })).toBeVisible();
    expect(await nameMismatches(page), url).toEqual([]);
  }
  await page.goto(`/?attendance=to_mark&q=${encodeURIComponent(past.name)}`);
  await expect(page.getByRole("button", { name: `No-show: ${past.name}` })).toBeVisible();
});

test("Deactivate asks first, in the app's own dialog", async ({ page, request }) => {
  const email = `deactivate.${Date.now() % 1_000_000}@example.com`;
  const created = await request.post("/api/users", {
    headers: auth,
    data: { name: "Short Stay", email, password: "short-stay-password-1", role: "recruiter" },
  });
  expect(created.status()).toBe(201);
  const browserDialogs: string[] = [];
  page.on("dialog", (dialog) => browserDialogs.push(dialog.message()));
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: new RegExp(email.replace(".", "\\.")) });
  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${email}?` });
  await expect(dialog).toContainText("signed out on every device");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: `Deactivate ${email}` })).toBeVisible();
  await row.getByRole("button", { name: `Deactivate ${email}` }).click();
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("button", { name: `Reactivate ${email}` })).toBeVisible();
  expect(browserDialogs).toEqual([]);
});

test.describe("as a recruiter", () => {
  test.use({ role: "recruiter" });

  test("an admin-only page answers 403 with a page that says why", async ({ page }) => {
    for (const url of ["/admin/users", "/outbox", "/inbox"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
    }
    await openBoard(page);
  });
});
