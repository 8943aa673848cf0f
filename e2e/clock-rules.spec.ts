import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { callBody, RELATIVE_TURNS } from "../tests/support/insight-calls";
import { auth, createCandidate, expect, freshUsPhone, openBoard, test } from "./support";

/**
 * One clock, in a browser in India: a call waiting for calling hours reads "Scheduled: rings … PST (your
 * time … IST)" with one state and no second time; a retry names its attempt; the review's correction and the
 * forms read times in the zone they name and refuse the ones it skips or repeats; pages are right without
 * JavaScript (the first paint); the confirmations ask first.
 */
let serial = 0;
const tag = () => `${Date.now() % 1_000_000}${(serial += 1)}`;
const bolnaNow = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace("Z", "");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Candidate = { id: number; name: string; phone: string };

/** A candidate in Los Angeles (a San Francisco number), interview in 2029. */
const losAngeles = (request: APIRequestContext, name: string): Promise<Candidate> =>
  createCandidate(request, {
    name,
    phone: freshUsPhone("415"),
    timeZone: "America/Los_Angeles",
    interviewAt: "2029-01-20T18:00:00Z",
  });

/** A Bolna delivery about a call of this candidate (the e2e server takes loopback webhooks). */
async function deliver(request: APIRequestContext, candidate: Candidate, body: Record<string, unknown>): Promise<void> {
  const response = await request.post("/webhook", {
    data: {
      id: crypto.randomUUID(),
      created_at: bolnaNow(),
      updated_at: bolnaNow(),
      user_number: candidate.phone,
      telephony_data: { to_number: candidate.phone, duration: "0.0" },
      context_details: { recipient_phone_number: candidate.phone },
      ...body,
    },
  });
  expect(response.status(), await response.text()).toBe(200);
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: path.join("test-results", "clock-rules", `${name}.png`), fullPage: true });

for (const [label, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  test(`a call waiting for calling hours reads Scheduled with the candidate's and the viewer's clock (${label})`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(viewport);
    const candidate = await losAngeles(request, `Waiting Call ${tag()}`);
    // Monday 8 January 2029, 09:00 in Los Angeles is 22:30 the same day in India.
    await deliver(request, candidate, { status: "scheduled", scheduled_at: "2029-01-08T17:00:00.000000" });
    await openBoard(page, `?q=${encodeURIComponent(candidate.name)}`);
    const row = page.getByRole("row", { name: new RegExp(candidate.name) });
    await expect(row.locator("[data-status=calling]")).toHaveText("Scheduled");
    await expect(row.getByTestId("situation")).toContainText("Scheduled: rings Mon 8 Jan 2029, 09:00 PST (your time 22:30 IST)");
    await expect(row.getByTestId("call-status")).toHaveText("Waiting to ring");
    await expect(row.getByText("Calling", { exact: true })).toHaveCount(0);
    await shoot(page, `scheduled-board-${label}`);

    await page.goto(`/candidates/${candidate.id}`);
    await expect(page.getByTestId("candidate-status")).toHaveText("Scheduled");
    await page.getByRole("button", { name: "Stop this call" }).click();
    const dialog = page.getByRole("dialog", { name: "Stop this call?" });
    await expect(dialog).toContainText("Bolna will not ring at Mon 8 Jan 2029, 09:00 PST");
    await shoot(page, `stop-asks-${label}`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("candidate-status")).toHaveText("Scheduled");
  });
}

test("a retry says what happened and which attempt comes next", async ({ page, request }) => {
  const candidate = await losAngeles(request, `Retry Call ${tag()}`);
  await deliver(request, candidate, {
    status: "no-answer",
    retry_count: 0,
    retry_config: { enabled: true, max_retries: 2, retry_on_statuses: ["no-answer"], retry_intervals_minutes: [30, 60] },
  });
  await openBoard(page, `?q=${encodeURIComponent(candidate.name)}`);
  const row = page.getByRole("row", { name: new RegExp(candidate.name) });
  await expect(row.getByTestId("situation")).toContainText(
    /^No answer; Bolna tries again at \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d PST, attempt 2 of 3/,
  );
  await expect(row.getByTestId("situation")).toContainText(/\(your time [^)]*IST\)/);
});

test("the review's correction reads its new time in the candidate's zone, and says so", async ({ page, request }) => {
  const candidate = await losAngeles(request, `Review Clock ${tag()}`);
  const unsure = await request.post("/webhook", { data: callBody({ phone: candidate.phone, turns: RELATIVE_TURNS }) });
  expect(unsure.status()).toBe(200);
  const { items } = (await (await request.get("/api/review?limit=500", { headers: auth })).json()) as {
    items: { id: number; candidate: { id: number } }[];
  };
  const item = items.find((entry) => entry.candidate.id === candidate.id)!;
  await page.goto(`/review?item=${item.id}`);
  await page.locator("#review-correct summary").click();
  await page.getByLabel("Status").selectOption("rescheduled");
  await page.getByLabel(/Reason/).fill("She asked for the first of June on the recording");
  const time = page.getByLabel("New interview time, for a reschedule (in America/Los_Angeles, the candidate's zone)");
  await time.fill("2029-06-01T09:00");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is now Rescheduled" })).toBeVisible();
  const { candidate: after } = (await (await request.get(`/api/candidates/${candidate.id}`, { headers: auth })).json()) as {
    candidate: { interviewAt: string };
  };
  // 09:00 in Los Angeles in June (PDT), not 09:00 UTC.
  expect(after.interviewAt).toBe("2029-06-01T16:00:00.000Z");
});

test("the add form refuses a time the candidate's zone skips or repeats, naming both readings", async ({ page }) => {
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill(`Dst Form ${tag()}`);
  await page.getByLabel("Phone").fill(freshUsPhone("212"));
  await page.getByLabel("Time zone").selectOption("America/New_York");
  const field = page.getByLabel("Interview (America/New_York)");
  await field.fill("2027-03-14T02:30");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByText(/2027-03-14 02:30 does not exist in America\/New_York .* 01:30 EST or .* 03:30 EDT/)).toBeVisible();
  await expect(field).toHaveValue("2027-03-14T02:30");
  await field.fill("2027-11-07T01:30");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByText(/2027-11-07 01:30 happens twice in America\/New_York/)).toBeVisible();
  await shoot(page, "dst-form-desktop");
});

test("pages are on the viewer's clock in the server's HTML (the first paint), under headings that name it", async ({
  page,
  request,
}) => {
  const candidate = await losAngeles(request, `First Paint ${tag()}`);
  // The browser told the server its zone when it signed in (a cookie): the HTML, before any script runs, is in IST.
  const zone = (await page.context().cookies()).find((cookie) => cookie.name === "callboard-zone");
  // Chromium names India's zone by its old name; the server shows it by the current one.
  expect(["Asia/Kolkata", "Asia/Calcutta"]).toContain(decodeURIComponent(zone?.value ?? ""));
  const html = (await (await page.context().request.get(`/candidates/${candidate.id}`)).text()).replaceAll("<!-- -->", "");
  expect(html).toContain('When (<abbr title="Asia/Kolkata">IST</abbr>)');
  expect(html).toMatch(/<time[^>]*title="Asia\/Kolkata"[^>]*>[^<]* IST<\/time>/);
  expect(html).not.toMatch(/<time[^>]*title="UTC"/);
  expect(html).toContain("Sat 20 Jan 2029, 23:30 IST your time");
  const slots = (await (await page.context().request.get("/slots")).text()).replaceAll("<!-- -->", "");
  expect(slots).toContain("Starts at (UTC)");
  // And once the page has run, nothing switched.
  await page.goto(`/candidates/${candidate.id}`);
  await expect(page.getByRole("table", { name: "Audit trail" }).locator("tbody time").first()).toHaveText(/ IST$/);
  await shoot(page, "first-paint-desktop");
});
