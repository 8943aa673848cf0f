import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import { ADMIN, API_TOKEN, api, createCandidate, createUser, signIn, startApiServer, type Json } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

// Webhook content crashed whoever looked at it. One ~1 MB delivery whose extracted_data had 60,000 keys made
// every later view of that candidate's page crash the server; so did ~40 large deliveries of one call on an
// admin's view (raw bodies were rendered in full). The server runs here with the heap `npm start` gives it.
let server: TestServer;
let db: Db;
const cookies = { admin: "", recruiter: "" };

/** The most HTML a candidate page or the inbox may weigh, whatever was delivered. */
const PAGE_BUDGET = 1_500_000;
const MAX_BODY = 1024 * 1024;

beforeAll(async () => {
  server = await startApiServer({ NODE_OPTIONS: "--max-old-space-size=192" });
  db = openTestDatabase(server.databasePath);
  const recruiter = { name: "Reader", email: "reader@example.com", password: "reader-password-12", role: "recruiter" as const };
  await createUser(server.url, recruiter);
  cookies.admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  cookies.recruiter = await signIn(server.url, recruiter.email, recruiter.password);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

/** extracted_data with `keys` keys, as compact as JSON allows, so that the body stays under the 1 MiB cap. */
function wideExtraction(keys: number): Record<string, unknown> {
  const extraction: Record<string, unknown> = { call_outcome: "ACCEPTED" };
  for (let i = 0; i < keys; i++) extraction[i.toString(36)] = i;
  return extraction;
}

async function deliver(body: object): Promise<Json> {
  const text = JSON.stringify(body);
  expect(text.length).toBeLessThanOrEqual(MAX_BODY);
  const answer = await postWebhook(server.url, text);
  expect([200, 202], JSON.stringify(answer.json).slice(0, 300)).toContain(answer.status);
  return answer.json;
}

async function pageHtml(path: string, cookie: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
  return { status: response.status, html: await response.text() };
}

describe("a candidate page whatever was delivered", () => {
  let candidateId: number;
  const bigBodies: { eventId: number; text: string }[] = [];

  beforeAll(async () => {
    const candidate = await createCandidate(server.url, { name: "Flooded Candidate" });
    candidateId = candidate.id as number;
    const phone = candidate.phone as string;

    // One ~1 MB delivery whose extraction has 60,000 keys (what the parser now keeps of it is bounded).
    const wide = {
      ...retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), phone),
      extracted_data: wideExtraction(60_000),
    };
    expect(JSON.stringify(wide).length).toBeGreaterThan(600_000);
    await deliver(wide);

    // A call stored before the parser bounded extractions: 60,000 keys in the row itself.
    const older = retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), phone);
    await deliver(older);
    db.update(calls)
      .set({ extractedData: wideExtraction(60_000) })
      .where(eq(calls.executionId, older.id as string))
      .run();

    // ~40 deliveries of one call, each close to 1 MiB and each different.
    const executionId = crypto.randomUUID();
    for (let i = 0; i < 40; i++) {
      const body = {
        ...retarget(loadPayload("03-in-progress"), executionId, phone),
        padding: `${i}-${"p".repeat(MAX_BODY - 6_000)}`,
      };
      const answer = await deliver(body);
      bigBodies.push({ eventId: answer.eventId as number, text: JSON.stringify(body) });
    }
  }, 180_000);

  it.each(["admin", "recruiter"] as const)(
    "renders for the %s within the page budget, and the server stays up",
    async (role) => {
      const { status, html } = await pageHtml(`/candidates/${candidateId}`, cookies[role]);
      expect(status).toBe(200);
      // Booleans, so that a failure does not print a page of HTML.
      expect(html.length).toBeLessThan(PAGE_BUDGET);
      expect(html.includes("Flooded Candidate")).toBe(true);
      expect(html.includes("Part of the extracted data is not shown")).toBe(true);
      expect(html.includes("The newest 30 of 40 deliveries are shown")).toBe(true);
      expect(html.includes(`/api/webhook-events/${bigBodies.at(-1)!.eventId}/raw`)).toBe(role === "admin");
      expect(html.includes("/api/webhook-events/")).toBe(role === "admin");
      expect((await api(server.url, "/api/health")).status).toBe(200);
    },
    60_000,
  );

  it("serves the whole body to admins as a download, and to nobody else", async () => {
    const { eventId, text } = bigBodies[0]!;
    const response = await fetch(`${server.url}/api/webhook-events/${eventId}/raw`, { headers: { cookie: cookies.admin } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="webhook-delivery-${eventId}.json"`);
    expect(await response.text()).toBe(text);
    expect((await api(server.url, `/api/webhook-events/${eventId}/raw`, { cookie: cookies.recruiter })).status).toBe(403);
    expect((await api(server.url, `/api/webhook-events/${eventId}/raw`)).status).toBe(401);
    expect((await api(server.url, "/api/webhook-events/999999999/raw", { token: API_TOKEN })).status).toBe(404);
  });

  it("stores at most 200 keys of a delivered extraction", () => {
    const stored = db
      .select({ keys: sql<number>`(select count(*) from json_each(${calls.extractedData}))` })
      .from(calls)
      .where(eq(calls.candidateId, candidateId))
      .all()
      .map((row) => row.keys);
    // Only the row written here as if before the bound holds more.
    expect(stored.filter((keys) => keys > 200)).toEqual([60_001]);
    expect(stored).toContain(200);
  });
});

describe("the webhook inbox whatever was delivered", () => {
  it("renders 30 unmatched deliveries of close to 1 MiB within the page budget", async () => {
    for (let i = 0; i < 30; i++) {
      const body = {
        ...retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), `+9190000${String(10_000 + i)}`),
        extracted_data: wideExtraction(20_000),
        padding: "q".repeat(MAX_BODY - 300_000),
      };
      expect((await deliver(body)).result).toBe("unmatched");
    }
    const { status, html } = await pageHtml("/inbox", cookies.admin);
    expect(status).toBe(200);
    expect(html.length).toBeLessThan(PAGE_BUDGET);
    expect(html.includes("Download the whole body")).toBe(true);
    expect((await api(server.url, "/api/health")).status).toBe(200);
  }, 120_000);
});
