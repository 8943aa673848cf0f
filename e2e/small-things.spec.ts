import { auth, expect, openBoard, test } from "./support";

/** Small things a recruiter tripped over, each kept fixed. */

test("a page past the end says so instead of 'No candidates yet' and '2451–74 of 74'", async ({ page }) => {
  await openBoard(page, "?page=99");
  await expect(page.getByText(/There is no page 99: \d+ candidates fill \d+ pages?\./)).toBeVisible();
  await expect(page.getByText("No candidates yet")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Pages" })).toHaveCount(0);
  await page.getByRole("link", { name: /Go to page \d+/ }).click();
  await expect(page.locator("tbody tr").first()).toBeVisible();
});

test("an empty result says so, never '0–0 of 0'", async ({ page }) => {
  await openBoard(page, "?q=no-such-candidate-anywhere");
  await expect(page.getByText("No candidate matches these filters.")).toBeVisible();
  await expect(page.getByText(/0–0 of 0/)).toHaveCount(0);
});

test("the status filter applies as soon as it is chosen", async ({ page }) => {
  await openBoard(page);
  await page.getByLabel("Status").selectOption("pending");
  await expect(page).toHaveURL(/status=pending/);
  await expect(page.locator("tbody tr [data-status]").first()).toHaveAttribute("data-status", "pending");
});

test("a skip link is the first stop of the keyboard and lands on the page's content", async ({ page }) => {
  await openBoard(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
  await expect(page.locator("#main-content")).toBeFocused();
});

test.describe("signed out", () => {
  test.use({ role: null });

  test("a favicon, and no console error on the first load", async ({ page, request }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto("/sign-in");
    await page.waitForLoadState("load");
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);
    expect(errors).toEqual([]);
  });
});

test("the CSV export starts with a byte-order mark, so spreadsheets read names in any script as UTF-8", async ({ request }) => {
  const response = await request.get("/api/candidates/export", { headers: auth });
  expect(response.status()).toBe(200);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString("utf8").split("\r\n")[0]).toContain("time_zone");
});
