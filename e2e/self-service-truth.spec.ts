import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { auth, createCandidate, expect, freshUsPhone, test } from "./support";

/**
 * The candidate's page stays true, in a browser in India opening an American candidate's link: their
 * own zone is named as theirs, a move by the recruiter shows at once, the page re-renders after every answer (the
 * loser of a race for the last slot no longer sees it), and a link whose moves are spent still opens.
 */
test.use({ role: null });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
let serial = 0;
const stamp = () => `${Date.now() % 1_000_000}${(serial += 1)}`;

async function slot(request: APIRequestContext, startsAt: string, capacity = 3): Promise<number> {
  const response = await request.post("/api/slots", { headers: auth, data: { startsAt, capacity } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { slot: { id: number } }).slot.id;
}

/** A Los Angeles candidate with an interview on a day of its own in 2029, and a link to their page. */
async function candidateWithLink(request: APIRequestContext, name: string, day: number) {
  const candidate = await createCandidate(request, {
    name,
    phone: freshUsPhone("415"),
    timeZone: "America/Los_Angeles",
    position: "QA Engineer",
    interviewAt: `2029-01-${String(day).padStart(2, "0")}T17:00:00Z`,
  });
  const link = await request.post(`/api/candidates/${candidate.id}/self-service-link`, { headers: auth });
  expect(link.status()).toBe(201);
  return { id: candidate.id, path: new URL(((await link.json()) as { url: string }).url).pathname };
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join("test-results", "self-service-truth", `${name}.png`), fullPage: true });
}

for (const [label, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  test(`names the candidate's own zone as theirs, confirms without spending a change, and shows a recruiter's move (${label})`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(viewport);
    const { id, path: link } = await candidateWithLink(request, `Dr. Maya Iyer ${stamp()}`, label === "phone" ? 8 : 9);
    await page.goto(link);
    await expect(page.getByText("Hello Maya,")).toBeVisible();
    await expect(page.getByTestId("interview-time")).toContainText("09:00 PST");
    await expect(page.getByTestId("interview-zone")).toHaveText(
      "Your time zone: America/Los_Angeles (PST). Every time on this page is in it.",
    );
    await expect(page.getByText("Your local time")).toHaveCount(0);
    await page.getByRole("button", { name: "Yes, I will be there" }).click();
    await expect(page.getByRole("status")).toContainText("Thank you, your interview is confirmed:");
    await expect(page.getByRole("status")).toContainText("(your time zone)");
    await expect(page.getByTestId("interview-standing")).toHaveText("You have confirmed this interview.");
    await expect(page.getByTestId("change-note")).toContainText("2 more times with this link. Confirming never uses one up.");
    await shoot(page, `confirmed-${label}`);

    // The recruiter moves the interview: the same link now shows the new time, and asks again.
    const moved = await request.patch(`/api/candidates/${id}`, { headers: auth, data: { interviewAt: "2029-02-15T18:00:00Z" } });
    expect(moved.status()).toBe(200);
    await page.reload();
    await expect(page.getByTestId("interview-time")).toHaveText("Thursday 15 February 2029, 10:00 PST");
    await expect(page.getByTestId("interview-standing")).toHaveText(
      "Your interview has moved to this time: please confirm that it suits you.",
    );
    await expect(page.getByRole("button", { name: "Yes, I will be there" })).toBeVisible();
    await shoot(page, `moved-${label}`);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("after losing a race for the last slot, the page says nothing changed and no longer offers it", async ({
    browser,
    request,
  }) => {
    const last = await slot(request, "2029-03-05T17:00:00Z", 1);
    const [first, second] = [
      await candidateWithLink(request, `Race First ${stamp()}`, 12),
      await candidateWithLink(request, `Race Second ${stamp()}`, 13),
    ];
    const pages = await Promise.all(
      [first, second].map(async (side) => {
        const context = await browser.newContext({ viewport: PHONE, timezoneId: "Asia/Kolkata" });
        const page = await context.newPage();
        await page.goto(side.path);
        return page;
      }),
    );
    const option = /Monday 5 March 2029, 09:00 PST/;
    for (const page of pages) await page.getByRole("radio", { name: option }).check();
    await pages[0]!.getByRole("button", { name: "Move my interview" }).click();
    await expect(pages[0]!.getByRole("status")).toContainText("Done: your interview has moved to Monday 5 March 2029, 09:00 PST");
    await pages[1]!.getByRole("button", { name: "Move my interview" }).click();
    await expect(pages[1]!.getByRole("main").getByRole("alert")).toHaveText(
      "Someone has just taken this time. Your interview has not changed: pick another of the times listed, which are all still free.",
    );
    await expect(pages[1]!.getByRole("radio", { name: option })).toHaveCount(0);
    await shoot(pages[1]!, "race-lost-phone");
    expect(last).toBeGreaterThan(0);
    for (const page of pages) await page.context().close();
  });

  test("a link whose moves are spent still opens, and says so instead of offering more", async ({ page, request }) => {
    const { path: link } = await candidateWithLink(request, `Used Up ${stamp()}`, 16);
    const token = link.split("/i/")[1]!;
    for (const startsAt of ["2029-03-07T17:00:00Z", "2029-03-08T17:00:00Z"]) {
      const slotId = await slot(request, startsAt);
      expect((await request.post(`/api/self-service/${token}`, { data: { action: "reschedule", slotId } })).status()).toBe(200);
    }
    expect((await page.goto(link))?.status()).toBe(200);
    await expect(page.getByTestId("interview-time")).toHaveText("Thursday 8 March 2029, 09:00 PST");
    await expect(page.getByTestId("change-note")).toHaveText(
      "This link has moved your interview as many times as it allows. Contact the recruiter to move it again.",
    );
    await expect(page.getByRole("button", { name: "Move my interview" })).toHaveCount(0);
    await shoot(page, "used-up-phone");
  });
});
