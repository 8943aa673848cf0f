import { DateTime } from "luxon";
import type { APIRequestContext } from "@playwright/test";
import { callBody, CONFIRMING_TURNS, RESCHEDULING_TURNS, rescheduledTo, type CallSpec } from "../tests/support/insight-calls";
import { auth, expect, freshPhone, test, type CandidateJson } from "./support";

/**
 * The analytics page in the browser (Kolkata) against the server's team zone (whatever playwright.config.ts sets):
 * every day, slot and heading in the team's zone; interviews by status now, each count a link to the board with
 * the same filter; the Attended tile counts the marks made; readable at phone and desktop sizes.
 */

test.describe.configure({ timeout: 90_000 });

async function called(request: APIRequestContext, candidate: CandidateJson, spec: Omit<CallSpec, "phone">): Promise<void> {
  const response = await request.post("/webhook", { data: callBody({ ...spec, phone: candidate.phone }) });
  expect(response.status()).toBe(200);
}

test("analytics in the team's days, with the board one click away, at phone and desktop sizes", async ({
  page,
  request,
}, testInfo) => {
  const zone = ((await (await request.get("/api/analytics", { headers: auth })).json()) as { period: { days: string } }).period
    .days;
  const today = DateTime.now().setZone(zone).startOf("day");
  const at = (days: number, time: string) => {
    const [hour, minute] = time.split(":").map(Number) as [number, number];
    return today.plus({ days }).set({ hour, minute }).toUTC().toISO()!;
  };
  const tag = `Analytics ${Date.now()}`;
  const create = async (name: string, interviewAt: string) => {
    const response = await request.post("/api/candidates", {
      headers: auth,
      data: { name: `${tag} ${name}`, phone: freshPhone(1), position: tag, interviewAt, allowPast: true },
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { candidate: CandidateJson }).candidate;
  };
  const yes = await create("Yes", at(3, "09:00"));
  const moved = await create("Moved", at(3, "11:30"));
  const came = await create("Came", at(-2, "09:00"));
  await called(request, yes, { turns: CONFIRMING_TURNS });
  await called(request, came, { turns: CONFIRMING_TURNS });
  await called(request, moved, {
    turns: RESCHEDULING_TURNS,
    extraction: rescheduledTo(today.plus({ days: 4 }).toISODate()!, "3:00 PM"),
  });
  const mark = await request.put(`/api/candidates/${came.id}/attendance`, { headers: auth, data: { attendance: "attended" } });
  expect(mark.status(), await mark.text()).toBe(200);

  const from = today.minus({ days: 7 }).toISODate()!;
  const to = today.plus({ days: 7 }).toISODate()!;
  const path = `/analytics?${new URLSearchParams({ from, to, position: tag })}`;
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible({ timeout: 20_000 });

  // The team's zone, named everywhere a day or a time is read.
  const fromLabel = await page.locator("label", { has: page.locator('input[name="from"]') }).innerText();
  const zoneName = /From \((.+) day\)/.exec(fromLabel)![1]!;
  await expect(page.getByLabel(`To (${zoneName} day)`)).toHaveValue(to);
  await expect(page.getByRole("columnheader", { name: `Slot (${zoneName})` })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: `Day (${zoneName})` })).toBeVisible();
  await expect(page.getByTestId("analytics-period")).toContainText(`days in ${zoneName}`);
  await expect(page.getByTestId("analytics-period")).toContainText("within a second");

  // Interviews by status now: the mark counts, and each count is the board's.
  await expect(page.getByTestId("figure-attended")).toHaveText("1");
  await expect(page.getByTestId("interviews-confirmed")).toHaveText("Confirmed 2");
  await expect(page.getByTestId("interviews-rescheduled")).toHaveText("Rescheduled 1");
  // The first-call cohort is counted by the fold, up to a second after the calls: a reload shows it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("figure-confirmed")).toHaveText("3", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  for (const [width, height] of [
    [390, 844],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(path);
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`analytics-team-days-${width}.png`), fullPage: true });
    // What a phone shows screen by screen: the figures first, then the tables.
    for (const section of ["interviews-heading", "cohort-heading", "panel-outcomes-by-slot"]) {
      await page.locator(`#${section}`).scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`analytics-team-days-${width}-${section}.png`) });
    }
    expect(await page.locator("main").evaluate((main) => main.scrollWidth)).toBeLessThanOrEqual(width);
  }

  await page.getByTestId("interviews-confirmed").click();
  await expect(page).toHaveURL(new RegExp(`/\\?status=confirmed&interviewFrom=${from}&interviewTo=${to}$`));
  await expect(page.getByRole("heading", { name: "Candidates", level: 1 })).toBeVisible({ timeout: 20_000 });
});
