import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { API_TOKEN } from "./support";

/**
 * The candidate's self-service page on a phone-sized screen, without an account: confirm, move the
 * interview, and the pages a link that cannot be used gets. Screenshots go to test-results/ (not committed).
 */
const auth = { authorization: `Bearer ${API_TOKEN}` };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

let serial = 0;
/** A unique +91 number (Asia/Kolkata) and an interview hour of its own in 2028, far from every other spec's. */
function next(): { phone: string; hour: number } {
  serial += 1;
  return { phone: `+9197${String(Date.now() % 1_000_000).padStart(6, "0")}${String(serial).padStart(2, "0")}`, hour: serial };
}

async function candidateWithLink(request: APIRequestContext, name: string, interviewAt?: string) {
  const { phone, hour } = next();
  const created = await request.post("/api/candidates", {
    headers: auth,
    data: {
      name,
      phone,
      position: "Data Engineer",
      interviewAt: interviewAt ?? `2028-11-${String(10 + hour).padStart(2, "0")}T04:30:00Z`,
    },
  });
  expect(created.status()).toBe(201);
  const { candidate } = (await created.json()) as { candidate: { id: number; interviewAt: string } };
  const link = await request.post(`/api/candidates/${candidate.id}/self-service-link`, { headers: auth });
  expect(link.status()).toBe(201);
  const { url } = (await link.json()) as { url: string };
  return { candidate, path: new URL(url).pathname };
}

async function slot(request: APIRequestContext, startsAt: string): Promise<number> {
  const response = await request.post("/api/slots", { headers: auth, data: { startsAt, capacity: 3 } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { slot: { id: number } }).slot.id;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join("test-results", "self-service", `${name}.png`), fullPage: true });
}

test.describe("the self-service page on a phone", () => {
  test.use({ viewport: PHONE });

  test("shows the interview in the candidate's zone and confirms it, without an account", async ({ page, request }) => {
    const { path: link, candidate } = await candidateWithLink(request, "Asha Ranganathan");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Your interview for Data Engineer" })).toBeVisible();
    await expect(page.getByText("Hello Asha,")).toBeVisible();
    await expect(page.getByText("Ranganathan")).toHaveCount(0);
    await expect(page.getByTestId("interview-time")).toContainText("10:00");
    await expect(page.getByTestId("interview-zone")).toContainText("Your time zone: Asia/Kolkata (IST)");
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(page, "phone-open");

    await page.getByRole("button", { name: "Yes, I will be there" }).click();
    await expect(page.getByRole("status")).toContainText("Thank you, your interview is confirmed:");
    await shoot(page, "phone-confirmed");
    const after = await request.get(`/api/candidates/${candidate.id}`, { headers: auth });
    const { candidate: confirmed, history } = (await after.json()) as {
      candidate: { status: string };
      history: { source: string }[];
    };
    expect(confirmed.status).toBe("confirmed");
    expect(history.at(-1)?.source).toBe("candidate");
  });

  test("moves the interview to another free time", async ({ page, request }) => {
    const target = await slot(request, "2028-12-05T09:00:00Z");
    await slot(request, "2028-12-06T09:00:00Z");
    const { path: link, candidate } = await candidateWithLink(request, "Dev Kulkarni");
    await page.goto(link);
    await page.getByRole("radio", { name: /Tuesday 5 December 2028, 14:30/ }).check();
    await shoot(page, "phone-choose");
    await page.getByRole("button", { name: "Move my interview" }).click();
    await expect(page.getByRole("status")).toContainText("Done: your interview has moved to");
    await expect(page.getByRole("status")).toContainText("Tuesday 5 December 2028, 14:30");
    await shoot(page, "phone-moved");
    const after = await request.get(`/api/candidates/${candidate.id}`, { headers: auth });
    const { candidate: moved } = (await after.json()) as { candidate: { status: string; interviewAt: string } };
    expect(moved).toMatchObject({ status: "rescheduled", interviewAt: "2028-12-05T09:00:00.000Z" });
    expect(target).toBeGreaterThan(0);
  });

  test("answers a link that cannot be used with a clear 404 page: tampered, expired", async ({ page, request }) => {
    const { path: link } = await candidateWithLink(request, "Sana Qureshi");
    const tampered = `${link.slice(0, -3)}${link.endsWith("AAA") ? "BBB" : "AAA"}`;
    const response = await page.goto(tampered);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await expect(page.getByText("Nothing has been changed.")).toBeVisible();
    await shoot(page, "phone-not-usable");

    const soon = new Date(Date.now() + 2_500).toISOString();
    const { path: expiring } = await candidateWithLink(request, "Kabir Sethi", soon);
    await page.waitForTimeout(Date.parse(soon) - Date.now() + 100);
    expect((await page.goto(expiring))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  });
});

test.describe("the self-service page on a desktop", () => {
  test.use({ viewport: DESKTOP });

  test("reads the same on a wide screen", async ({ page, request }) => {
    await slot(request, "2028-12-09T09:00:00Z");
    const { path: link } = await candidateWithLink(request, "Tara Menon");
    await page.goto(link);
    await expect(page.getByRole("button", { name: "Yes, I will be there" })).toBeVisible();
    await shoot(page, "desktop-open");
  });
});
