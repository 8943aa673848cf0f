import type { APIRequestContext } from "@playwright/test";
import { API_TOKEN, expect, openBoard, payload, test } from "./support";

// The e2e server runs with INTERVIEW_TIMEZONE unset, so the pool is shown in UTC, labelled.
const asAdmin = { authorization: `Bearer ${API_TOKEN}` };

async function createCandidate(
  request: APIRequestContext,
  data: { name: string; phone: string; interviewAt: string },
): Promise<number> {
  const response = await request.post("/api/candidates", { headers: asAdmin, data });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { candidate: { id: number } }).candidate.id;
}

test("an admin adds a slot and sees it in the pool", async ({ page }) => {
  await page.goto("/slots");
  await expect(page.getByRole("heading", { name: "Interview slots" })).toBeVisible();

  await page.getByLabel("Starts at (UTC)").fill("2028-03-06T09:30");
  await page.getByLabel("Capacity", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Add slot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added the slot on Mon 6 Mar 2028, 09:30 UTC for 3." })).toBeVisible();

  const row = page.getByRole("row", { name: /Mon 6 Mar 2028, 09:30 UTC/ });
  await expect(row).toBeVisible();
  await expect(row.getByText("0 / 3")).toBeVisible();
  await expect(row.getByText("3 free")).toBeVisible();
});

test("deleting a booked slot shows the refusal in its row", async ({ page, request }) => {
  const startsAt = "2028-04-03T10:00:00.000Z";
  expect((await request.post("/api/slots", { headers: asAdmin, data: { startsAt, capacity: 2 } })).status()).toBe(201);
  await createCandidate(request, { name: "Slot Holder E2E", phone: "+919876500002", interviewAt: startsAt });

  await page.goto("/slots");
  const row = page.getByRole("row", { name: /Mon 3 Apr 2028, 10:00 UTC/ });
  await expect(row.getByRole("link", { name: "Slot Holder E2E" })).toBeVisible();
  await expect(row.getByText("1 / 2")).toBeVisible();

  await row.getByRole("button", { name: /^Delete/ }).click();
  await expect(row.getByRole("alert")).toHaveText("The slot is booked; move its candidates first.");
  await page.reload();
  await expect(page.getByRole("row", { name: /Mon 3 Apr 2028, 10:00 UTC/ })).toBeVisible();
});

test("an unmatched delivery is linked to a candidate from the inbox and the board row follows", async ({ page, request }) => {
  const name = "Inbox Link E2E";
  const candidateId = await createCandidate(request, { name, phone: "+919876500003", interviewAt: "2028-05-01T10:00:00.000Z" });

  // Bolna's sample "completed, confirmed" body for a new call, to a number no candidate has.
  const executionId = `e2e-inbox-${Date.now()}`;
  const unknownPhone = "+919876599999";
  const body = payload("05-completed-confirmed");
  body.id = executionId;
  body.user_number = unknownPhone;
  body.telephony_data.to_number = unknownPhone;
  body.context_details.recipient_phone_number = unknownPhone;
  const delivered = await request.post("/webhook", { data: body });
  expect(delivered.status()).toBe(202);

  await page.goto("/inbox");
  const card = page.getByRole("article", { name: `Execution ${executionId}` });
  await expect(card).toContainText(unknownPhone);
  await expect(card).toContainText("completed");

  await card.getByLabel("Find candidate").fill("inbox link");
  await card.getByLabel("Candidate", { exact: true }).selectOption(String(candidateId));
  await card.getByRole("button", { name: "Link" }).click();
  await expect(card).toHaveCount(0);
  const resolved = page.getByRole("region", { name: "Recently resolved" });
  await expect(resolved.getByRole("listitem").filter({ hasText: executionId })).toContainText(`linked to ${name}`);

  await page.goto(`/?q=${encodeURIComponent(name)}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.locator("[data-status=confirmed]")).toBeVisible();
  await expect(row.getByTestId("call-status")).toHaveText("Finished");
});

test.describe("as a recruiter", () => {
  test.use({ role: "recruiter" });

  test("a recruiter sees the pool without controls, and no inbox", async ({ page }) => {
    await openBoard(page);
    await expect(page.getByRole("navigation").getByRole("link", { name: /Inbox/ })).toHaveCount(0);

    await page.goto("/slots");
    await expect(page.getByRole("heading", { name: "Interview slots" })).toBeVisible();
    // The demo slots with room for two (other specs may have moved their candidates, so only the capacity is fixed).
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: /\d \/ 2/ })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Add slot" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
    await expect(page.getByRole("spinbutton")).toHaveCount(0);

    await page.goto("/inbox");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("does not give access");
    await expect(page.getByRole("button", { name: "Link" })).toHaveCount(0);
  });
});
