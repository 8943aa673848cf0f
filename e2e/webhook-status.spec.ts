import { expect, openBoard, payload, test } from "./support";

const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"];

test("a candidate's row follows Bolna's webhooks live, in words, without a reload", async ({ page, request }) => {
  await openBoard(page);
  await expect(page.locator("[data-live-mode=live]")).toBeVisible();
  const asha = page.getByRole("row", { name: /Asha Verma/ });
  await expect(asha.getByText("Pending")).toBeVisible();
  // A reload would reset this marker; it must survive the live refreshes.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

  const first = await request.post("/webhook", { data: payload(LIFECYCLE[0]!) });
  expect(first.status()).toBe(200);
  await expect(asha.locator("[data-status=calling]")).toBeVisible();
  await expect(asha.getByTestId("call-status")).toHaveText("Waiting to dial");

  for (const name of LIFECYCLE.slice(1)) {
    const response = await request.post("/webhook", { data: payload(name) });
    expect(response.status()).toBe(200);
  }
  await expect(asha.locator("[data-status=confirmed]")).toBeVisible();
  await expect(asha.getByTestId("call-status")).toHaveText("Finished");
  await expect(asha.getByTestId("situation")).toHaveText("Confirmed on the call");
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
});

test("filters and search narrow the board and stay in the URL", async ({ page }) => {
  await openBoard(page);
  await page.getByRole("searchbox", { name: "Search" }).fill("Kavya");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=Kavya/);
  await expect(page.getByRole("row", { name: /Kavya Nair/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Rahul Mehta/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill("9800000103");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("row", { name: /Neha Iyer/ })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(1);

  // Other specs change statuses, so the empty state is shown with a search that matches nobody.
  await page.goto("/?status=declined&q=no-such-candidate");
  await expect(page.getByText("No candidate matches these filters.")).toBeVisible();
});
