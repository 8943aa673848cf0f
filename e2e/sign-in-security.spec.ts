import { expect, test, type Page } from "@playwright/test";
import { requestFrom } from "../tests/deploy/bound-http";
import { ADMIN, API_TOKEN, signIn } from "./support";

// Signing in, in a real browser: where signing in leads, what the form keeps, and the admin's unlock. Failed attempts
// come from another loopback address (another machine, to the server), so that they spend nothing of the
// browser's own per-address sign-in budget.
const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
];

async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screens/${name}-${size.name}.png`, fullPage: true });
  }
}

test("a refused sign-in keeps the email that was typed", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("someone.typed.this@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Email")).toHaveValue("someone.typed.this@example.com");
  // The password is never sent back: what was typed stays in the browser (lib/http/form-action.ts).
  await expect(page.getByLabel("Password")).toHaveValue("not-the-password");
  await screenshots(page, "sign-in-refused");
});

// /sign-in?next=/%5Cevil.test (also /%09/evil.test, /%5C/evil.test) landed on http://evil.test/.
for (const next of ["/%5Cevil.test", "/%09/evil.test", "/%5C/evil.test"]) {
  test(`signing in with next=${next} stays on Callboard`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible({ timeout: 20_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("an admin sees a locked account, unlocks it, and the change is in the account audit", async ({ page, request, baseURL }) => {
  const person = {
    name: "Locked Out",
    email: `locked.out.${Date.now()}@example.com`,
    password: "locked-out-pass-1",
    role: "recruiter",
  };
  const created = await request.post("/api/users", { headers: { authorization: `Bearer ${API_TOKEN}` }, data: person });
  expect(created.status()).toBe(201);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const answer = await requestFrom("127.0.0.99", `${baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL! },
      body: JSON.stringify({ email: person.email, password: "guessing-wrong-1" }),
    });
    expect(answer.status).toBe(401);
  }

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Users" }).click();
  const row = page.getByRole("row", { name: new RegExp(person.email.replace(/\./g, "\\.")) });
  await expect(row).toContainText("Sign-in locked until");
  await expect(page.getByRole("heading", { name: /Account changes/ })).toBeVisible();
  await screenshots(page, "users-locked");

  await row.getByRole("button", { name: `Unlock ${person.email}` }).click();
  await expect(row).not.toContainText("Sign-in locked until");
  await expect(page.locator('[data-user-event="unlocked"]').first()).toContainText(
    `${ADMIN.email} unlocked the sign-in of ${person.email}`,
  );
  await screenshots(page, "users-unlocked");
});
