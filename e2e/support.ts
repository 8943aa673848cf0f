import path from "node:path";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { loadPayload } from "../tests/support/payloads";

// Set in playwright.config.ts's webServer environment.
export const ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password" };
export const RECRUITER = { email: "e2e-recruiter@example.com", password: "e2e-recruiter-password" };
export const API_TOKEN = "e2e-api-token-0123456789abcdef";
export const auth = { authorization: `Bearer ${API_TOKEN}` };

export type Role = "admin" | "recruiter";

/** Where e2e/sign-in.setup.ts keeps a role's signed-in session. */
export const sessionFile = (role: Role) => path.join(import.meta.dirname, ".auth", `${role}.json`);

/**
 * The specs' `test`: signed in as `role` (admin unless a spec says `test.use({ role: "recruiter" })`) through
 * the session the setup project saved, or signed out with `role: null`.
 */
export const test = base.extend<{ role: Role | null }>({
  role: ["admin", { option: true }],
  storageState: async ({ role }, provide) => provide(role === null ? { cookies: [], origins: [] } : sessionFile(role)),
});
export { expect };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs edit sample bodies freely
export const payload = (name: string): Record<string, any> => loadPayload(name);

/** Creates the recruiter through the admin API once; later calls find it already there (409). */
export async function ensureRecruiter(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/users", {
    headers: auth,
    data: { name: "E2E Recruiter", ...RECRUITER, role: "recruiter" },
  });
  expect([201, 409]).toContain(response.status());
}

/** Signs in through the form (the setup project, and the specs about signing in and out). */
export async function signIn(page: Page, person: { email: string; password: string }): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first render of the board can be slow on a busy 2-core machine.
  await expect(page.getByRole("heading", { name: "Candidates", exact: true })).toBeVisible({ timeout: 20_000 });
}

/** The board, signed in (with the spec's session). */
export async function openBoard(page: Page, search = ""): Promise<void> {
  await page.goto(`/${search}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 20_000 });
}

let serial = 0;
/** A fresh Indian mobile number; the last digit picks the simulator's scenario (1, 7 and 0: confirmed). */
export function freshPhone(lastDigit: number): string {
  serial += 1;
  return `+9199${String(Date.now() % 1_000_000).padStart(6, "0")}${serial % 10}${lastDigit}`;
}

/** A fresh US number in an area code (`415`: San Francisco, so Los Angeles time); an exchange never starts with 0 or 1. */
export function freshUsPhone(areaCode: string): string {
  serial += 1;
  return `+1${areaCode}${2_000_000 + ((Date.now() * 7 + serial) % 8_000_000)}`;
}

/** An ISO instant `days` from now (negative: past), on the hour. */
export function daysFromNow(days: number, hourUtc = 6): string {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hourUtc, 0, 0, 0);
  return at.toISOString();
}

export type CandidateJson = { id: number; name: string; phone: string; status: string; interviewAt: string; timeZone: string };

/** Creates a candidate with the API token. */
export async function createCandidate(
  request: APIRequestContext,
  data: {
    name: string;
    phone?: string;
    interviewAt?: string;
    allowPast?: boolean;
    timeZone?: string;
    email?: string;
    position?: string;
  },
): Promise<CandidateJson> {
  const response = await request.post("/api/candidates", {
    headers: auth,
    data: { phone: freshPhone(1), interviewAt: daysFromNow(20 + (serial % 30)), ...data },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { candidate: CandidateJson }).candidate;
}

/** A demo candidate's id, by phone. */
export async function candidateIdByPhone(request: APIRequestContext, phone: string): Promise<number> {
  const response = await request.get(`/api/candidates?q=${encodeURIComponent(phone)}`, { headers: auth });
  expect(response.status()).toBe(200);
  const { candidates } = (await response.json()) as { candidates: CandidateJson[] };
  const found = candidates.find((candidate) => candidate.phone === phone);
  if (!found) throw new Error(`no candidate with phone ${phone}`);
  return found.id;
}

/** Posts a body to the webhook (the e2e server accepts loopback senders) and returns the result. */
export async function postWebhook(request: APIRequestContext, body: unknown): Promise<string> {
  const response = await request.post("/webhook", { data: body });
  expect([200, 202]).toContain(response.status());
  return ((await response.json()) as { result: string }).result;
}

type Body = Record<string, unknown> & {
  telephony_data?: Record<string, unknown>;
  context_details?: Record<string, unknown> | null;
};

/** A sample body re-addressed to another execution and candidate phone. */
export function retarget(name: string, executionId: string, phone: string): Body {
  const body = payload(name) as Body;
  return {
    ...body,
    id: executionId,
    user_number: phone,
    telephony_data: { ...body.telephony_data, to_number: phone },
    context_details: { ...body.context_details, recipient_phone_number: phone },
  };
}
