import { expect, test } from "@playwright/test";
import { ADMIN, payload, signIn } from "./support";

const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"];

test("a candidate's status changes on the page after Bolna's webhooks", async ({ page, request }) => {
  await signIn(page, ADMIN);
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
