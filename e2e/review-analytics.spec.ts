import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { callBody, CONFIRMING_TURNS, RELATIVE_TURNS, type CallSpec } from "../tests/support/insight-calls";
import { ADMIN, API_TOKEN, RECRUITER, ensureRecruiter, signIn } from "./support";

/**
 * Trust and insight in the browser: the review queue with its keyboard (j/k/a/c), the count in the navigation, the
 * admins' "reviewed" list, attendance from the board's "to mark" view and the candidate page, and the analytics.
 */
const auth = { authorization: `Bearer ${API_TOKEN}` };
type Candidate = { id: number; name: string; phone: string };

let serial = 0;
async function createCandidate(request: APIRequestContext, name: string, interviewAt: string): Promise<Candidate> {
  serial += 1;
  const phone = `+9197${String(Date.now() % 1_000_000).padStart(6, "0")}${String(serial).padStart(2, "0")}`;
  const response = await request.post("/api/candidates", {
    headers: auth,
    data: { name, phone, position: "Review Desk", interviewAt, allowPast: true },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { candidate: Candidate }).candidate;
}

async function called(request: APIRequestContext, candidate: Candidate, spec: Omit<CallSpec, "phone">): Promise<void> {
  const response = await request.post("/webhook", { data: callBody({ ...spec, phone: candidate.phone }) });
  expect(response.status()).toBe(200);
}

async function reviewItemOf(request: APIRequestContext, candidate: Candidate): Promise<number> {
  const response = await request.get("/api/review?limit=500", { headers: auth });
  const { items } = (await response.json()) as { items: { id: number; candidate: { id: number } }[] };
  return items.find((item) => item.candidate.id === candidate.id)!.id;
}

async function waitingCount(page: Page): Promise<number> {
  const badge = page.getByRole("navigation", { name: "Main" }).getByTestId("review-count");
  return (await badge.count()) === 0 ? 0 : Number((await badge.innerText()).trim().split(/\s/)[0]);
}

test.beforeEach(async ({ request }) => {
  await ensureRecruiter(request);
});

// Several pages and a few server actions each; on a busy 2-core machine a first render can take seconds.
test.describe.configure({ timeout: 90_000 });

test("a recruiter works through the review queue with the keyboard; an admin sees who reviewed what", async ({
  page,
  request,
}) => {
  const relative = await createCandidate(request, `Ravi Relative ${Date.now()}`, "2031-05-04T06:00:00Z");
  const brief = await createCandidate(request, `Bina Brief ${Date.now()}`, "2031-05-04T06:30:00Z");
  await called(request, relative, { turns: RELATIVE_TURNS });
  await called(request, brief, { turns: ["user: Hello?"], conversationSeconds: 4 });
  const first = await reviewItemOf(request, relative);
  const second = await reviewItemOf(request, brief);

  await signIn(page, RECRUITER);
  const before = await waitingCount(page);
  expect(before).toBeGreaterThanOrEqual(2);

  await page.goto(`/review?item=${first}`);
  const item = page.locator(`[data-review-id="${first}"]`);
  await expect(item.getByRole("heading", { name: relative.name })).toBeVisible();
  // Someone else answered: the candidate was not reached, whatever the extraction says. The proposal: call again.
  await expect(item.getByTestId("proposed-status")).toHaveText("Pending");
  await expect(item.getByRole("button", { name: /Accept: call again/ })).toBeVisible();
  await expect(item.locator("[data-confidence=low]")).toContainText("0.30");
  await expect(item.locator("[data-evidence=someone_else]")).toContainText("He is not at home");
  // The fixture's S3 link cannot load here (no internet): the player says so, and the link to the file stays.
  await expect(item.getByRole("link", { name: "Download recording" })).toHaveAttribute("href", /^https:/);
  await expect(item.getByRole("list", { name: /Transcript/ })).toContainText("I'll tell him");

  // j / k move through the queue; typing in a field is never a shortcut.
  await page.keyboard.press("j");
  await expect(page).toHaveURL(/item=\d+/);
  await expect(page.locator(`[data-review-id="${first}"]`)).toHaveCount(0);
  await page.keyboard.press("k");
  await expect(page.locator(`[data-review-id="${first}"]`)).toBeVisible();
  await page.keyboard.press("c");
  await expect(page.getByLabel("Status")).toBeFocused();
  await page.getByLabel(/Reason/).fill("jk ac");
  await expect(page.locator(`[data-review-id="${first}"]`)).toBeVisible();
  await page.getByLabel(/Reason/).fill("");

  // a: accept; the next item comes up and the count in the navigation goes down.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: `Accepted: ${relative.name} is now Pending.` })).toBeVisible();
  await expect(page.locator(`[data-review-id="${first}"]`)).toHaveCount(0);
  await expect.poll(() => waitingCount(page)).toBe(before - 1);

  // c: correct, with a reason.
  await page.goto(`/review?item=${second}`);
  // The key listener exists once the page has hydrated, which "load" does not wait for: press until it answers.
  await expect(async () => {
    await page.keyboard.press("c");
    await expect(page.getByLabel("Status")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.getByLabel("Status").selectOption("declined");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Reason is required" })).toBeVisible();
  await page.getByLabel(/Reason/).fill("On the recording she says she cannot come");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Corrected: ${brief.name} is now Declined.` })).toBeVisible();

  // The candidate page shows the audited decision and the call's confidence.
  await page.goto(`/candidates/${brief.id}`);
  await expect(page.getByTestId("candidate-status")).toHaveText("Declined");
  await expect(page.getByRole("table", { name: "Audit trail" }).locator("tbody tr").first()).toContainText("Review");
  await expect(page.locator("[data-confidence=low]").first()).toBeVisible();

  // Admins: who reviewed what.
  await page.context().clearCookies();
  await signIn(page, ADMIN);
  await page.goto("/review?view=reviewed");
  const reviewed = page.getByRole("table", { name: /Reviewed outcomes/ });
  await expect(reviewed.locator(`[data-review-id="${first}"]`)).toContainText(RECRUITER.email);
  await expect(reviewed.locator(`[data-review-id="${second}"]`)).toContainText("Corrected to");
});

test("attendance from the board's to-mark view and from the candidate page", async ({ page, request }) => {
  const came = await createCandidate(request, `Asha Attended ${Date.now()}`, "2026-02-02T06:00:00Z");
  const missed = await createCandidate(request, `Nikhil Noshow ${Date.now()}`, "2026-02-02T06:30:00Z");
  await called(request, came, { turns: CONFIRMING_TURNS });
  await called(request, missed, { turns: CONFIRMING_TURNS });

  await signIn(page, RECRUITER);
  await page.getByRole("link", { name: "Attendance to mark" }).click();
  await expect(page).toHaveURL(/attendance=to_mark/);
  await page.getByRole("searchbox").fill(came.name);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/attendance=to_mark/);
  const row = page.getByRole("row", { name: new RegExp(came.name) });
  await row.getByRole("button", { name: `Attended: ${came.name}` }).click();
  // Marked: it leaves the "to mark" view.
  await expect(page.getByRole("row", { name: new RegExp(came.name) })).toHaveCount(0);
  await page.goto(`/candidates/${came.id}`);
  await expect(page.getByRole("region", { name: "Attendance" }).getByTestId("attendance")).toContainText(
    `Attended — marked by ${RECRUITER.email}`,
  );

  await page.goto(`/candidates/${missed.id}`);
  const panel = page.getByRole("region", { name: "Attendance" });
  await expect(panel.getByTestId("attendance")).toHaveText("Not marked yet.");
  await panel.getByLabel("Note (optional)").fill("Did not join the video call");
  await panel.getByRole("button", { name: `No-show: ${missed.name}` }).click();
  await expect(panel.getByTestId("attendance")).toContainText(`No-show — marked by ${RECRUITER.email}`);
  await expect(panel.getByTestId("attendance")).toContainText("Did not join the video call");
});

test("the analytics page: figures, charts, filters and the CSV download", async ({ page }) => {
  await signIn(page, RECRUITER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("figure-called")).toHaveText(/^\d+$/);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "When to call" }).getByRole("table")).toBeVisible();

  await page.getByLabel(/^From \(.+ day\)$/).fill("2026-01-01");
  await page.getByLabel(/^To \(.+ day\)$/).fill("2026-12-31");
  await page.getByRole("combobox", { name: "Position" }).selectOption("Review Desk");
  await page.getByLabel("Over time by").selectOption("week");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2026-01-01&to=2026-12-31&position=Review\+Desk&bucket=week/);
  await expect(page.getByTestId("figure-confirmed")).not.toHaveText("0");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("callboard-analytics-2026-01-01-to-2026-12-31.csv");
});

test("the review and analytics pages read at phone and desktop sizes", async ({ page, request }, testInfo) => {
  const candidate = await createCandidate(request, `Screen Shot ${Date.now()}`, "2031-06-01T06:00:00Z");
  await called(request, candidate, { turns: RELATIVE_TURNS });
  const id = await reviewItemOf(request, candidate);
  await signIn(page, ADMIN);
  for (const [width, height] of [
    [390, 844],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`/review?item=${id}`);
    await expect(page.locator(`[data-review-id="${id}"]`)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`review-${width}.png`), fullPage: true });
    // The page's own content fits the screen (the shared navigation bar is the layout's).
    expect(await page.locator("main").evaluate((main) => main.scrollWidth)).toBeLessThanOrEqual(width);
    await page.goto("/analytics?from=2026-01-01&to=2026-12-31&bucket=week");
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`analytics-${width}.png`), fullPage: true });
  }
});
