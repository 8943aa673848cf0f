import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import {
  auth,
  createCandidate,
  daysFromNow,
  expect,
  freshPhone,
  openBoard,
  payload,
  postWebhook,
  retarget,
  test,
} from "./support";

/** Outcomes as sentences, call states in words, why a candidate is pending and what to do next. */

const stamp = () => String(Date.now() % 1_000_000);

/** A fresh candidate whose one call ends as `fixture` says, with `change` applied to the final body. */
async function calledCandidate(request: APIRequestContext, name: string, fixture: string, change: Record<string, unknown> = {}) {
  const candidate = await createCandidate(request, { name: `${name} ${stamp()}` });
  const body = retarget(fixture, randomUUID(), candidate.phone);
  await postWebhook(request, { ...body, ...change });
  return candidate;
}

async function situation(page: Page, name: string) {
  await openBoard(page, `?q=${encodeURIComponent(name)}`);
  return page.getByRole("row", { name: new RegExp(name) }).getByTestId("situation");
}

test("why a candidate is pending, with the next step", async ({ page, request }) => {
  const never = await createCandidate(request, { name: `Never Called ${stamp()}` });
  await expect(await situation(page, never.name)).toHaveText("Not called yetCall now, or add them to a batch.");

  const busy = await calledCandidate(request, "Busy Line", "07-busy");
  await expect(await situation(page, busy.name)).toHaveText("Line was busyCall again in a few minutes.");

  const unanswered = await calledCandidate(request, "Rang Out", "06-no-answer");
  await expect(await situation(page, unanswered.name)).toHaveText("No answerCall again later, at another time of day.");

  const voicemail = await calledCandidate(request, "Machine", "05-completed-confirmed", {
    conversation_duration: 0,
    extracted_data: null,
    transcript: null,
    telephony_data: { ...payload("05-completed-confirmed").telephony_data, hangup_reason: "Voicemail detected" },
  });
  await expect(await situation(page, voicemail.name)).toHaveText("Went to voicemailCall again at another time of day.");

  const failed = await calledCandidate(request, "Failed Line", "08-failed");
  const row = await situation(page, failed.name);
  await expect(row).toContainText("Check the phone number, then call again.");
  await page.goto(`/candidates/${failed.id}`);
  // Bolna's own words, once: never "Call failed: Call failed: …".
  await expect(page.getByTestId("call-outcome")).toHaveText("Call failed: the destination number could not be reached");
  await expect(page.getByText(/Call failed: Call failed/)).toHaveCount(0);
});

test("outcomes read as sentences; no raw codes on the board", async ({ page, request }) => {
  const moved = await calledCandidate(request, "Moved", "10-completed-rescheduled");
  await expect(await situation(page, moved.name)).toHaveText("Asked to move to Wed 17 Dec 2025, 15:00 IST");
  const row = page.getByRole("row", { name: new RegExp(moved.name) });
  await expect(row).not.toContainText("call_outcome");
  await expect(row).not.toContainText("RESCHEDULED");
  await expect(row.getByTestId("call-status")).toHaveText("Finished");

  const declined = await calledCandidate(request, "Declined", "09-completed-declined");
  await expect(await situation(page, declined.name)).toHaveText("Declined on the call");
});

test("needs attention: a reschedule into a full slot, and an answer nobody could read", async ({ page, request }) => {
  const tag = stamp();
  // 2029-03-05 15:00 in India: one place, taken.
  const slot = await request.post("/api/slots", { headers: auth, data: { startsAt: "2029-03-05T09:30:00Z", capacity: 1 } });
  expect(slot.status()).toBe(201);
  await createCandidate(request, { name: `Holder ${tag}`, interviewAt: "2029-03-05T09:30:00Z" });
  const full = await calledCandidate(request, `Full Slot ${tag}`, "10-completed-rescheduled", {
    extracted_data: { call_outcome: "RESCHEDULED", final_slot: { date: "2029-03-05", time: "3:00 PM", day_of_week: "Monday" } },
  });
  const unclear = await calledCandidate(request, `Unclear ${tag}`, "05-completed-confirmed", {
    extracted_data: {},
    transcript: "assistant: Can you attend the interview on Monday?\nuser: Hmm, maybe, I am not sure yet.\n",
  });

  await openBoard(page, `?attention=1&q=${tag}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidates who need attention");
  await expect(page.getByRole("row", { name: new RegExp(full.name) }).getByTestId("situation")).toHaveText(
    "Chose a time that is fullArrange a time with them, then edit the interview.",
  );
  // An answer that decides nothing waits for a person in the review queue (the outcome engine holds it).
  await expect(page.getByRole("row", { name: new RegExp(unclear.name) }).getByTestId("situation")).toHaveText(
    /^Awaiting review: .*Decide it in the review queue\.$/,
  );
  await expect(page.getByRole("row", { name: new RegExp(`Holder ${tag}`) })).toHaveCount(0);
  expect(Number(await page.getByTestId("count-attention").textContent())).toBeGreaterThanOrEqual(2);
});

test.describe("as a recruiter", () => {
  test.use({ role: "recruiter" });

  test("a call Bolna has no record of shows as stuck, and a recruiter ends it", async ({ page, request }) => {
    const candidate = await createCandidate(request, { name: `Stuck ${stamp()}` });
    // A call that reached Callboard only as a webhook: the (simulated) Bolna has never heard of it.
    await postWebhook(request, retarget("01-queued", `unknown-${randomUUID()}`, candidate.phone));
    await page.goto(`/candidates/${candidate.id}`);
    await expect(page.getByTestId("candidate-status")).toHaveText("Calling");

    // RECONCILE_AFTER_SECONDS is 3 on the e2e server: after that the call counts as quiet.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("situation")).toContainText("No word from Bolna", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await openBoard(page, `?attention=1&q=${encodeURIComponent(candidate.name)}`);
    await expect(page.getByRole("row", { name: new RegExp(candidate.name) })).toBeVisible();

    await page.goto(`/candidates/${candidate.id}`);
    await page.getByRole("button", { name: "End call" }).click();
    const dialog = page.getByRole("dialog", { name: "End this call?" });
    await dialog.getByRole("button", { name: "Ask Bolna, then end" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Bolna had no record of the call" })).toBeVisible();
    await expect(page.getByTestId("candidate-status")).toHaveText("Pending");
    const entry = page.getByRole("table", { name: "Audit trail" }).locator("tbody tr").first();
    await expect(entry).toContainText("Call ended by e2e-recruiter@example.com; Bolna had no record of it");
    await expect(entry.locator("[data-status]")).toHaveText(["Calling", "Pending"]);
  });

  test("calling someone who already answered asks first; a placed call leaves no stale 'Calling' line", async ({
    page,
    request,
  }) => {
    test.setTimeout(90_000);
    const answered = await calledCandidate(request, "Answered", "05-completed-confirmed");
    await openBoard(page, `?q=${encodeURIComponent(answered.name)}`);
    await page
      .getByRole("row", { name: new RegExp(answered.name) })
      .getByRole("button", { name: /Call now/ })
      .click();
    const dialog = page.getByRole("dialog", { name: `Call ${answered.name} again?` });
    await expect(dialog).toContainText(`${answered.name} already confirmed. A new call asks them again.`);
    await dialog.getByRole("button", { name: "Cancel" }).click();

    const fresh = await createCandidate(request, {
      name: `Fresh Call ${stamp()}`,
      phone: freshPhone(1),
      interviewAt: daysFromNow(12),
    });
    await openBoard(page, `?q=${encodeURIComponent(fresh.name)}`);
    const row = page.getByRole("row", { name: new RegExp(fresh.name) });
    await row.getByRole("button", { name: /Call now/ }).click();
    await expect(row.locator("[data-status=calling]")).toBeVisible();
    await expect(row.locator("[data-status=confirmed]")).toBeVisible({ timeout: 60_000 });
    await expect(row).not.toContainText(/Calling/);
  });
});
