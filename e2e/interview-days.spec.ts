import path from "node:path";
import { auth, createCandidate, expect, openBoard, test } from "./support";

/**
 * "Who is coming tomorrow?" on the board: today, tomorrow, this week and a range of days on the team's
 * clock (this server's INTERVIEW_TIMEZONE is UTC, the browser is in India), the counts following the filter, and on
 * a phone the first screen showing candidates.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const [label, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1440, height: 900 }],
] as const) {
  test(`filters the board by interview day, and counts what it shows (${label})`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    const tag = `Days${label}${Date.now() % 100_000}`;
    await createCandidate(request, { name: `${tag} Tomorrow`, interviewAt: `${day(1)}T10:00:00.000Z` });
    await createCandidate(request, { name: `${tag} Later`, interviewAt: `${day(2)}T10:00:00.000Z` });

    await openBoard(page, `?q=${tag}`);
    await expect(page.locator("tbody tr")).toHaveCount(2);
    await page.getByTestId("day-filter").getByRole("link", { name: "Tomorrow" }).click();
    await expect(page).toHaveURL(new RegExp(`interviewFrom=${day(1)}&interviewTo=${day(1)}`));
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr")).toContainText(`${tag} Tomorrow`);
    await expect(page.getByTestId("day-filter").getByRole("link", { name: "Tomorrow" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByTestId("counts-scope")).toContainText("Counts of candidates with an interview on");
    // The counters are tomorrow's: the same as the API's total for tomorrow.
    const api = await request.get(`/api/candidates?status=pending&interviewFrom=${day(1)}&interviewTo=${day(1)}`, {
      headers: auth,
    });
    const { total } = (await api.json()) as { total: number };
    await expect(page.getByTestId("count-pending")).toHaveText(String(total));
    await page.screenshot({ path: path.join("test-results", "interview-days", `tomorrow-${label}.png`), fullPage: false });

    await page.getByText("Choose days").click();
    await page.getByLabel("From", { exact: true }).fill(day(1));
    await page.getByLabel("To", { exact: true }).fill(day(2));
    await page.getByRole("button", { name: "Show these days" }).click();
    await expect(page).toHaveURL(new RegExp(`interviewFrom=${day(1)}.*interviewTo=${day(2)}`));
    await expect(page.locator("tbody tr")).toHaveCount(2);
    await page.getByTestId("day-filter").getByRole("link", { name: "All days" }).click();
    await expect(page.getByTestId("counts-scope")).toHaveCount(0);
  });
}

test("on a phone, the board's first screen shows candidates", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openBoard(page);
  const first = await page.locator("tbody tr").first().boundingBox();
  expect(first, "a candidate row").not.toBeNull();
  expect(first!.y + 60).toBeLessThan(844);
  await page.screenshot({ path: path.join("test-results", "interview-days", "first-screen-phone.png"), fullPage: false });
});
