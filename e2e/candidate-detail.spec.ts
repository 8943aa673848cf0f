import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN, API_TOKEN, RECRUITER, ensureRecruiter, payload, signIn } from "./support";

const LIFECYCLE = ["01-queued", "02-ringing", "03-in-progress", "04-call-disconnected", "05-completed-confirmed"];
const auth = { authorization: `Bearer ${API_TOKEN}` };

type Body = Record<string, unknown> & {
  telephony_data?: Record<string, unknown>;
  context_details?: Record<string, unknown> | null;
};

/** A sample body re-addressed to another execution and candidate phone. */
function retarget(name: string, executionId: string, phone: string): Body {
  const body = payload(name) as Body;
  return {
    ...body,
    id: executionId,
    user_number: phone,
    telephony_data: { ...body.telephony_data, to_number: phone },
    context_details: { ...body.context_details, recipient_phone_number: phone },
  };
}

async function candidateIdByPhone(request: APIRequestContext, phone: string): Promise<number> {
  const response = await request.get(`/api/candidates?q=${encodeURIComponent(phone)}`, { headers: auth });
  expect(response.status()).toBe(200);
  const { candidates } = (await response.json()) as { candidates: { id: number; phone: string }[] };
  const found = candidates.find((candidate) => candidate.phone === phone);
  if (!found) throw new Error(`no demo candidate with phone ${phone}`);
  return found.id;
}

async function postWebhook(request: APIRequestContext, body: unknown): Promise<string> {
  const response = await request.post("/webhook", { data: body });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { result: string }).result;
}

/**
 * support.ts's signIn, with more patience: the password check is deliberately slow and, on a loaded CI machine,
 * can take longer than the default 5 s expect timeout.
 */
async function signInAs(page: Page, person: { email: string; password: string }): Promise<void> {
  await signIn(page, person).catch(() =>
    expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible({ timeout: 20_000 }),
  );
}

async function openCandidate(page: Page, id: number, name: string): Promise<void> {
  await page.goto(`/candidates/${id}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

test("an admin sees a call's transcript, recording and deliveries", async ({ page, request }) => {
  const phone = "+919800000102";
  const executionId = randomUUID();
  for (const name of LIFECYCLE) expect(await postWebhook(request, retarget(name, executionId, phone))).toBe("applied");
  const recordingUrl = (payload("05-completed-confirmed") as { telephony_data: { recording_url: string } }).telephony_data
    .recording_url;

  await signInAs(page, ADMIN);
  await openCandidate(page, await candidateIdByPhone(request, phone), "Rahul Mehta");

  const call = page.getByRole("article", { name: new RegExp(executionId) });
  await expect(call.getByTestId("call-status")).toHaveText("completed");
  const transcript = call.getByRole("list", { name: /Transcript of call/ });
  await expect(transcript.getByRole("listitem").first()).toContainText("Agent");
  await expect(transcript.getByRole("listitem").first()).toContainText("Hello, this is Ava calling from Dharwin.");
  await expect(transcript.getByRole("listitem").filter({ hasText: "Yes, this is Asha." })).toContainText("Candidate");
  await expect(transcript.locator("[data-speaker=agent]")).toHaveCount(6);
  await expect(transcript.locator("[data-speaker=candidate]")).toHaveCount(4);

  const audio = call.locator("audio");
  await expect(audio).toHaveAttribute("src", recordingUrl);
  await expect(audio).toHaveAttribute("preload", "none");
  await expect(call.getByRole("link", { name: "Download recording" })).toHaveAttribute("href", recordingUrl);

  const deliveries = call.getByRole("table", { name: "Webhook deliveries" }).locator("tbody tr");
  await expect(deliveries).toHaveCount(5);
  await expect(deliveries.first()).toContainText("queued");
  await expect(deliveries.last()).toContainText("completed");
  await expect(call.getByText("Raw webhook bodies (5)")).toBeVisible();

  // Presigned recording links expire: the player says so instead of staying silent.
  await page.route(`${recordingUrl}*`, (route) => route.fulfill({ status: 403, body: "expired" }));
  await audio.evaluate((element: HTMLAudioElement) => element.play().catch(() => undefined));
  await expect(call.getByRole("alert")).toHaveText("The recording link has expired or cannot be played");
});

test("the timeline marks a duplicate and a stale delivery", async ({ page, request }) => {
  const phone = "+919800000105";
  const completed = payload("09-completed-declined") as Body;
  expect(await postWebhook(request, completed)).toBe("applied");
  expect(await postWebhook(request, completed)).toBe("duplicate");
  expect(await postWebhook(request, retarget("03-in-progress", String(completed.id), phone))).toBe("stale");

  await signInAs(page, ADMIN);
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
  await signInAs(page, ADMIN);
  await openCandidate(page, await candidateIdByPhone(request, phone), "Arjun Singh");
  await expect(page.getByTestId("candidate-status")).toHaveText("Pending");
  await expect(page.locator("[data-live-mode=live]")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  expect(await postWebhook(request, payload("10-completed-rescheduled"))).toBe("applied");

  await expect(page.getByTestId("candidate-status")).toHaveText("Rescheduled");
  await expect(page.getByTestId("interview-at").locator("del")).toBeVisible();
  await expect(page.getByRole("article", { name: /5f8a1d3b/ }).getByTestId("call-status")).toHaveText("completed");
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("an admin overrides the status with a reason and sees it in the audit trail", async ({ page, request }) => {
  await signInAs(page, ADMIN);
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

test("the override dialog refuses an empty reason", async ({ page, request }) => {
  await signInAs(page, ADMIN);
  await openCandidate(page, await candidateIdByPhone(request, "+919800000104"), "Vikram Rao");

  await page.getByRole("button", { name: "Override status" }).click();
  const dialog = page.getByRole("dialog", { name: "Override the status of Vikram Rao" });
  await dialog.getByLabel("New status").selectOption("declined");
  await dialog.getByLabel(/Reason/).fill("   ");
  await dialog.getByRole("button", { name: "Override" }).click();

  await expect(dialog.getByRole("alert")).toHaveText("Give a reason: it is kept in the audit trail.");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("candidate-status")).toHaveText("Pending");
  await expect(page.getByText("No changes yet.")).toBeVisible();
});

test("an admin edits the rescheduling slots and deletes a candidate", async ({ page, request }) => {
  const created = await request.post("/api/candidates", {
    headers: auth,
    data: { name: "Dev Temp", phone: "+919800000199", interviewAt: "2025-12-30T10:00:00Z" },
  });
  expect(created.status()).toBe(201);
  const { candidate } = (await created.json()) as { candidate: { id: number } };

  await signInAs(page, ADMIN);
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

test("a recruiter sees the page without correction controls or raw bodies", async ({ page, request }) => {
  await ensureRecruiter(request);
  await signInAs(page, RECRUITER);
  await openCandidate(page, await candidateIdByPhone(request, "+919800000107"), "Meera Pillai");

  await expect(page.getByRole("heading", { name: "Rescheduling slots" })).toBeVisible();
  for (const name of ["Override status", "Reset", "Delete", "Save slots"])
    await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Corrections" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByText(/Raw webhook bodies/)).toHaveCount(0);
});

test("an unknown or malformed id shows the not-found page", async ({ page }) => {
  await signInAs(page, ADMIN);
  for (const id of ["999999", "abc"]) {
    await page.goto(`/candidates/${id}`);
    await expect(page.getByRole("heading", { name: "Candidate not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the candidates" })).toBeVisible();
  }
});
