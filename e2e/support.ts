import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { loadPayload } from "../tests/support/payloads";

// Set in playwright.config.ts's webServer environment.
export const ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password" };
export const RECRUITER = { email: "e2e-recruiter@example.com", password: "e2e-recruiter-password" };
export const API_TOKEN = "e2e-api-token-0123456789abcdef";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs edit sample bodies freely
export const payload = (name: string): Record<string, any> => loadPayload(name);

/** Creates the recruiter through the admin API once; later calls find it already there (409). */
export async function ensureRecruiter(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/users", {
    headers: { authorization: `Bearer ${API_TOKEN}` },
    data: { name: "E2E Recruiter", ...RECRUITER, role: "recruiter" },
  });
  expect([201, 409]).toContain(response.status());
}

export async function signIn(page: Page, person: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first render of the board can be slow on a busy 2-core machine.
  await expect(page.getByRole("heading", { name: "Candidates" })).toBeVisible({ timeout: 20_000 });
}
