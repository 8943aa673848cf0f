import crypto from "node:crypto";
import Papa from "papaparse";
import { announceBodyFrom } from "./deploy/bound-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  signIn,
  startApiServer,
  uniqueInstant,
  uniquePhone,
} from "./support/auth-client";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

// The smaller findings of a security review, over HTTP against the production server: one server as `npm start` runs by
// default (no proxy in front), one as it runs behind a proxy (TRUSTED_PROXY_HOPS=1).
let server: TestServer;
let proxied: TestServer;
let adminCookie: string;
const EVIL = "http://evil.test";

beforeAll(async () => {
  server = await startApiServer();
  proxied = await startApiServer({
    TRUSTED_PROXY_HOPS: "1",
    BOLNA_WEBHOOK_IPS: "13.203.39.153",
    WEBHOOK_ALLOW_LOOPBACK: "false",
  });
  adminCookie = await signIn(server.url, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  await Promise.all([server?.stop(), proxied?.stop()]);
});

const page = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers: { cookie: adminCookie, ...headers }, redirect: "manual" });

describe("cross-site server actions", () => {
  // Next answers a server action whose Origin does not match with a 500.
  it.each([
    ["the sign-in page", "/sign-in"],
    ["a signed-in page", "/"],
  ])("refuses one posted to %s from another site with 403", async (_label, path) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "next-action": "0".repeat(42), origin: EVIL, cookie: adminCookie, "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/Cross-site/);
  });

  it("refuses a form posted from another site without JavaScript, too", async () => {
    const form = new FormData();
    form.append("email", ADMIN.email);
    form.append("password", ADMIN.password);
    const response = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      body: form,
      headers: { origin: EVIL },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });
});

describe("X-Forwarded-Host", () => {
  // The same-origin check trusted X-Forwarded-Host from anyone.
  it("is not believed without a trusted proxy: a foreign Origin that names it is refused", async () => {
    const phone = uniquePhone();
    const response = await api(server.url, "/api/candidates", {
      method: "POST",
      cookie: adminCookie,
      headers: { origin: EVIL, "x-forwarded-host": "evil.test" },
      body: { name: "Forwarded Host", phone, interviewAt: uniqueInstant() },
    });
    expect(response.status).toBe(403);
    expect(response.json.error?.code).toBe("forbidden_origin");
    expect((await api(server.url, `/api/candidates?q=${encodeURIComponent(phone)}`, { token: API_TOKEN })).json.total).toBe(0);
  });

  it("is believed behind a trusted proxy (TRUSTED_PROXY_HOPS=1), which is the one that writes it", async () => {
    const write = (origin: string) =>
      api(proxied.url, "/api/candidates", {
        method: "POST",
        token: API_TOKEN,
        headers: { origin, "x-forwarded-host": "callboard.example", "x-forwarded-for": "203.0.113.5" },
        body: { name: "Behind Proxy", phone: uniquePhone(), interviewAt: uniqueInstant() },
      });
    expect((await write("https://callboard.example")).status).toBe(201);
    expect((await write(EVIL)).status).toBe(403);
  });
});

describe("addresses", () => {
  // `::a.b.c.d` (the deprecated IPv4-compatible form) was read as a.b.c.d.
  it("refuses a sender written as ::a.b.c.d, and accepts the real one", async () => {
    const body = () => retarget(loadPayload("01-queued"), crypto.randomUUID(), "+919811100001");
    const compatible = await postWebhook(proxied.url, body(), { headers: { "x-forwarded-for": "::13.203.39.153" } });
    expect(compatible.status).toBe(403);
    expect(compatible.json.error?.code).toBe("forbidden_ip");
    const mapped = await postWebhook(proxied.url, body(), { headers: { "x-forwarded-for": "::ffff:13.203.39.153" } });
    expect(mapped.status).toBe(202);
    const plain = await postWebhook(proxied.url, body(), { headers: { "x-forwarded-for": "13.203.39.153" } });
    expect(plain.status).toBe(202);
  });
});

describe("the proxy's matcher", () => {
  // The matcher skipped every path that merely starts with `webhook`: no session redirect, no CSP.
  it.each(["/webhooks", "/webhook-admin", "/webhookx", "/apiary", "/favicon.icon"])("covers %s", async (path) => {
    const anonymous = await fetch(`${server.url}${path}`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    const signedIn = await page(path);
    expect(signedIn.status).toBe(404);
    expect(signedIn.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });

  it("still leaves the webhook and the API alone", async () => {
    expect((await fetch(`${server.url}/webhook`, { redirect: "manual" })).status).toBe(405);
    expect((await fetch(`${server.url}/api/health`, { redirect: "manual" })).status).toBe(200);
  });
});

describe("query parameters", () => {
  // `/?q=a&q=b` or a search over 200 characters showed "the database did not answer".
  const board = async (query: string) => {
    const response = await page(`/${query}`);
    const html = await response.text();
    // The board itself, not its error state (which a production build renders in the browser, not in this HTML).
    expect(html.includes("Export CSV"), query).toBe(true);
    expect(html.includes("did not answer"), query).toBe(false);
    return { status: response.status, html };
  };

  it("gives the board a clean page for repeated parameters and odd searches", async () => {
    for (const query of [
      "?q=a&q=b",
      "?status=declined&status=confirmed",
      "?page=2&page=x",
      `?q=${encodeURIComponent('"*')}`,
      "?q=%00",
      "?q=%F0%9F%98%80",
    ]) {
      expect((await board(query)).status, query).toBe(200);
    }
  });

  it("searches the first 200 characters of a longer search, and says so", async () => {
    const { status, html } = await board(`?q=${"k".repeat(201)}`);
    expect(status).toBe(200);
    expect(html).toContain("its first 200 were searched");
  });

  it("takes the first of repeated parameters in the API and refuses an overlong search with 422", async () => {
    const candidate = await createCandidate(server.url, { name: "Repeated Param" });
    const repeated = await api(server.url, `/api/candidates?q=Repeated%20Param&q=nobody`, { token: API_TOKEN });
    expect(repeated.status).toBe(200);
    expect(repeated.json.candidates.map((row: { id: number }) => row.id)).toContain(candidate.id);
    const long = await api(server.url, `/api/candidates?q=${"k".repeat(201)}`, { token: API_TOKEN });
    expect(long.status).toBe(422);
    expect(long.json.error).toMatchObject({ code: "validation_failed", field: "q" });
    expect(long.json.error?.message).toContain("at most 200 characters");
    expect((await api(server.url, `/api/candidates/export?q=${"k".repeat(201)}`, { token: API_TOKEN })).status).toBe(422);
  });
});

describe("CSV", () => {
  it("refuses an import over 64 MiB with 413, before reading it", async () => {
    const response = await announceBodyFrom("127.0.0.1", `${server.url}/api/candidates/import?dryRun=1`, 65 * 1024 * 1024, {
      authorization: `Bearer ${API_TOKEN}`,
      "content-type": "text/csv",
    });
    expect(response.status).toBe(413);
    expect(response.json.error?.code).toBe("payload_too_large");
  });

  // A webhook `status` of `=HYPERLINK(...)` was exported unescaped in call_status.
  it("escapes a formula that arrived as the call status", async () => {
    const candidate = await createCandidate(server.url, { name: "Formula Status" });
    const body = {
      ...retarget(loadPayload("02-ringing"), crypto.randomUUID(), candidate.phone),
      status: '=HYPERLINK("http://evil.test","x")',
    };
    expect((await postWebhook(server.url, body)).status).toBe(200);
    const response = await fetch(`${server.url}/api/candidates/export?q=Formula%20Status`, {
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.call_status).toBe(`'=hyperlink("http://evil.test","x")`);
  });
});
