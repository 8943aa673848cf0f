import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"];
const payload = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "tests", "fixtures", "bolna", `${name}.json`), "utf8"));

test("a candidate's status changes on the page after Bolna's webhooks", async ({ page, request }) => {
  await page.goto("/");
  const asha = page.getByRole("row", { name: /Asha Verma/ });
  await expect(asha.getByText("Pending")).toBeVisible();

  for (const name of LIFECYCLE) {
    const response = await request.post("/webhook", { data: payload(name) });
    expect(response.status()).toBe(200);
  }

  await page.reload();
  await expect(asha.getByText("Confirmed")).toBeVisible();
  await expect(asha.getByTestId("call-status")).toHaveText("completed");
});
