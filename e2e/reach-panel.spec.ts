import path from "node:path";
import { expect, test } from "@playwright/test";
import { API_TOKEN, RECRUITER, ensureRecruiter, signIn } from "./support";

/**
 * What a recruiter sees of reaching a candidate: the candidate page's panel (zone, reminder call,
 * self-service link with "new link" and "revoke", the invite) and the board row's note. Screenshots in
 * test-results/ (not committed), phone and desktop.
 */
const auth = { authorization: `Bearer ${API_TOKEN}` };

test.beforeEach(async ({ request }) => {
  await ensureRecruiter(request);
});

for (const [label, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1440, height: 900 }],
] as const) {
  test(`the candidate page shows the link, the reminder and the invite, and makes a new link (${label})`, async ({
    page,
    request,
  }) => {
    await page.setViewportSize(viewport);
    const name = `Reach Panel ${label}`;
    const created = await request.post("/api/candidates", {
      headers: auth,
      data: {
        name,
        phone: `+9196${String(Date.now() % 100_000_000).padStart(8, "0")}`,
        email: `reach.${label}@example.com`,
        interviewAt: "2028-10-02T05:30:00Z",
      },
    });
    expect(created.status()).toBe(201);
    const { candidate } = (await created.json()) as { candidate: { id: number } };
    await request.put(`/api/candidates/${candidate.id}/status`, { headers: auth, data: { status: "confirmed", reason: "e2e" } });
    expect((await request.post(`/api/candidates/${candidate.id}/self-service-link`, { headers: auth })).status()).toBe(201);

    await signIn(page, RECRUITER);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await page.goto(`/?q=${encodeURIComponent(name)}`);
    await expect(row.getByTestId("reach")).toContainText("Link sent");
    await expect(row.getByTestId("reach")).toContainText("Reminder call planned");
    await page.screenshot({ path: path.join("test-results", "reach", `board-${label}.png`), fullPage: true });

    await page.goto(`/candidates/${candidate.id}`);
    const panel = page.getByRole("region", { name: "Reaching the candidate" });
    await expect(panel).toContainText("Asia/Kolkata");
    await expect(panel).toContainText("Link sent");
    await expect(panel).toContainText("Reminder call planned");
    await expect(panel.getByRole("link", { name: "Invite (.ics)" })).toHaveAttribute(
      "href",
      `/api/candidates/${candidate.id}/invite.ics`,
    );
    await panel.getByRole("button", { name: "New link" }).click();
    const url = panel.getByLabel("Link for the candidate (shown once)");
    await expect(url).toHaveValue(/\/i\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    await page.screenshot({ path: path.join("test-results", "reach", `candidate-${label}.png`), fullPage: true });

    const link = new URL(await url.inputValue()).pathname;
    expect((await page.request.get(link)).status()).toBe(200);
    await panel.getByRole("button", { name: "Revoke" }).click();
    await expect(panel.getByRole("status")).toContainText("The link no longer works.");
    expect((await page.request.get(link)).status()).toBe(404);
  });
}
