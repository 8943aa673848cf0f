import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import {
  ADMIN,
  auth,
  candidateIdByPhone,
  createCandidate,
  daysFromNow,
  expect,
  payload,
  postWebhook,
  retarget,
  test,
} from "./support";

const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"];

async function openCandidate(page: Page, id: number, name: string): Promise<void> {
  await page.goto(`/candidates/${id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 20_000 });
}

test("an admin sees a call's transcript, recording and deliveries", async ({ page, request }) => {
  const phone = "+919800000102";
  const executionId = randomUUID();
  for (const name of LIFECYCLE) expect(await postWebhook(request, retarget(name, executionId, phone))).toBe("applied");
  const recordingUrl = (payload("05-completed-confirmed") as { telephony_data: { recording_url: string } }).telephony_data
    .recording_url;
  // Bolna's storage answers an expired presigned link with 403.
  await page.route(`${recordingUrl}*`, (route) => route.fulfill({ status: 403, body: "expired" }));

  await openCandidate(page, await candidateIdByPhone(request, phone), "Rahul Mehta");

  const call = page.getByRole("article", { name: new RegExp(executionId) });
  await expect(call.getByTestId("call-status")).toHaveText("Finished");
  await expect(call.getByTestId("call-outcome")).toHaveText("Confirmed on the call");
  const transcript = call.getByRole("list", { name: /Transcript of call/ });
  await expect(transcript.getByRole("listitem").first()).toContainText("Agent");
  await expect(transcript.getByRole("listitem").first()).toContainText("Hello, this is Ava calling from Dharwin.");
  await expect(transcript.getByRole("listitem").filter({ hasText: "Yes, this is Asha." })).toContainText("Candidate");
  await expect(transcript.locator("[data-speaker=agent]")).toHaveCount(6);
  await expect(transcript.locator("[data-speaker=candidate]")).toHaveCount(4);

  await expect(call.getByRole("link", { name: "Download recording" })).toHaveAttribute("href", recordingUrl);
  // The player loads the file's details when the page opens and says at once that it cannot play, instead of
  // showing 0:00 until someone presses play.
  await expect(call.getByRole("alert")).toHaveText("The recording cannot be played: the link has expired or the file is missing");

  const deliveries = call.getByRole("table", { name: "Webhook deliveries" }).locator("tbody tr");
  await expect(deliveries).toHaveCount(5);
  await expect(deliveries.first()).toContainText("queued");
  await expect(deliveries.last()).toContainText("completed");
  await expect(call.getByText("Raw webhook bodies (5)")).toBeVisible();
});

test("the timeline marks a duplicate and a stale delivery", async ({ page, request }) => {
  const phone = "+919800000105";
  const completed = payload("09-completed-declined");
  expect(await postWebhook(request, completed)).toBe("applied");
  expect(await postWebhook(request, completed)).toBe("duplicate");
  expect(await postWebhook(request, retarget("03-in-progress", String(completed.id), phone))).toBe("stale");

  await openCandidate(page, await candidateIdByPhone(request, phone), "Kavya Nair");

  const rows = page.getByRole("table", { name: "Webhook deliveries" }).locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const originalId = await rows.nth(0).getAttribute("data-delivery-id");
  await expect(rows.nth(0)).toContainText("Applied");
  await expect(rows.nth(1)).toContainText("Duplicate");
  await expect(rows.nth(1)).toContainText(`of #${originalId}`);
  await expect(rows.nth(2)).toContainText("Stale");
  await expect(rows.nth(2)).toContainText("in-progress");

  await page.getByText("Raw webhook bodies (3)").click();
  await expect(page.getByRole("link", { name: `delivery #${originalId}` })).toBeVisible();
});

test("a webhook updates the open page without a reload", async ({ page, request }) => {
  const phone = "+919800000106";
  await openCandidate(page, await candidateIdByPhone(request, phone), "Arjun Singh");
  await expect(page.getByTestId("candidate-status")).toHaveText("Pending");
  await expect(page.locator("[data-live-mode=live]")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  expect(await postWebhook(request, payload("10-completed-rescheduled"))).toBe("applied");

  await expect(page.getByTestId("candidate-status")).toHaveText("Rescheduled");
  await expect(page.getByTestId("interview-at").locator("del")).toBeVisible();
  await expect(page.getByRole("article", { name: /5f8a1d3b/ }).getByTestId("call-status")).toHaveText("Finished");
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("an admin overrides the status with a reason and sees it in the audit trail", async ({ page, request }) => {
  await openCandidate(page, await candidateIdByPhone(request, "+919800000103"), "Neha Iyer");

  await page.getByRole("button", { name: "Override status" }).click();
  const dialog = page.getByRole("dialog", { name: "Override the status of Neha Iyer" });
  await dialog.getByLabel("New status").selectOption("confirmed");
  await dialog.getByLabel(/Reason/).fill("Confirmed by email with the candidate");
  await dialog.getByRole("button", { name: "Override" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("candidate-status")).toHaveText("Confirmed");
  const entry = page.getByRole("table", { name: "Audit trail" }).locator("tbody tr").first();
  await expect(entry).toContainText(ADMIN.email);
  await expect(entry).toContainText("Confirmed by email with the candidate");
  await expect(entry).toContainText("Manual");
});

test("the override dialog refuses an empty reason, keeps the chosen status, and records it once a reason is given", async ({
  page,
  request,
}) => {
  await openCandidate(page, await candidateIdByPhone(request, "+919800000104"), "Vikram Rao");

  await page.getByRole("button", { name: "Override status" }).click();
  const dialog = page.getByRole("dialog", { name: "Override the status of Vikram Rao" });
  await dialog.getByLabel("New status").selectOption("declined");
  await dialog.getByLabel(/Reason/).fill("   ");
  await dialog.getByRole("button", { name: "Override" }).click();

  await expect(dialog.getByRole("alert")).toHaveText("Check the highlighted field.");
  await expect(dialog.getByText("Give a reason: it is kept in the audit trail.")).toBeVisible();
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("candidate-status")).toHaveText("Pending");
  await expect(page.getByText("No changes yet.")).toBeVisible();
  // The select used to fall back to the current status, and the audit then said Pending → Pending.
  await expect(dialog.getByLabel("New status")).toHaveValue("declined");

  await dialog.getByLabel(/Reason/).fill("Withdrew by email");
  await dialog.getByRole("button", { name: "Override" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("candidate-status")).toHaveText("Declined");
  const entry = page.getByRole("table", { name: "Audit trail" }).locator("tbody tr").first();
  await expect(entry.locator("[data-status]")).toHaveText(["Pending", "Declined"]);
  await expect(entry).toContainText("Withdrew by email");
});

test("an admin edits the rescheduling slots and deletes a candidate", async ({ page, request }) => {
  const candidate = await createCandidate(request, { name: "Dev Temp", phone: "+919800000199", interviewAt: daysFromNow(40) });

  await openCandidate(page, candidate.id, "Dev Temp");
  const slots = page.getByRole("region", { name: "Rescheduling slots" });
  await slots.getByRole("checkbox").first().check();
  await slots.getByRole("button", { name: "Save slots" }).click();
  await expect(slots.getByRole("status")).toHaveText("The agent may offer 1 slot.");
  await page.reload();
  await expect(slots.getByRole("checkbox").first()).toBeChecked();

  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Dev Temp?" });
  await dialog.getByLabel(/Reason/).fill("Test record");
  await dialog.getByRole("button", { name: "Delete candidate" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible();
  await page.goto(`/candidates/${candidate.id}`);
  await expect(page.getByRole("heading", { name: "Candidate not found" })).toBeVisible();
});

test.describe("as a recruiter", () => {
  test.use({ role: "recruiter" });

  test("a recruiter sees the page without correction controls or raw bodies", async ({ page, request }) => {
    await openCandidate(page, await candidateIdByPhone(request, "+919800000107"), "Meera Pillai");

    await expect(page.getByRole("heading", { name: "Rescheduling slots" })).toBeVisible();
    for (const name of ["Override status", "Reset", "Delete", "Save slots"])
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Corrections" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByText(/Raw webhook bodies/)).toHaveCount(0);
  });
});

test("an unknown or malformed id shows the not-found page", async ({ page }) => {
  for (const id of ["999999", "abc"]) {
    await page.goto(`/candidates/${id}`);
    await expect(page.getByRole("heading", { name: "Candidate not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the candidates" })).toBeVisible();
  }
});

test("the API answers for a candidate page's data with the candidate's zone", async ({ request }) => {
  const response = await request.get(`/api/candidates/${await candidateIdByPhone(request, "+919800000107")}`, { headers: auth });
  expect(((await response.json()) as { candidate: { timeZone: string } }).candidate.timeZone).toBe("Asia/Kolkata");
});
