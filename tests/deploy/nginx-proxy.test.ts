import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rejectedSenders } from "@/db/schema";
import { UNPARSABLE_SENDER } from "@/lib/webhook/rejected-senders";
import { eventsFor, insertCandidate, openTestDatabase } from "../support/database";
import { loadPayload } from "../support/payloads";
import { freePort } from "../support/free-port";
import { inOwnNetns, netnsUnavailable, runInOwnNetns } from "../support/netns";
import { startServer, type TestServer } from "../support/server";
import { announceBodyFrom, openStreamFrom, requestFrom } from "./bound-http";
import { NGINX, siteConfigForTest, startNginx, testConfig, type Nginx } from "./nginx";

/*
 * deploy/nginx.conf in front of a real Callboard started as the README's Deploy section says (TRUSTED_PROXY_HOPS=1,
 * Callboard on 127.0.0.1), with clients on different addresses standing in for different machines. nginx reaches
 * Callboard from 127.0.0.1, the one trusted proxy (TRUSTED_PROXIES), so a test passes only if Callboard counts the
 * client nginx saw, not nginx, and takes anyone else who reaches its port at their own address.
 *
 * All of it runs in a network namespace of its own (tests/support/netns.ts): the allowlist decides loopback senders
 * by WEBHOOK_ALLOW_LOOPBACK alone (api-contract.md), so with it off only a non-loopback client can be an allowed
 * sender, and OUTSIDE is such an address on that namespace's `lo` — never one of this machine's interfaces. FORGED
 * is allowlisted but lives nowhere: only a header can name it.
 */

const API_TOKEN = "nginx-proxy-test-api-token-0123456789";
const FORGED = "203.0.113.10";
const OUTSIDE = "198.18.0.77";

const nginxMissing = !fs.existsSync(NGINX);
const skipHere = nginxMissing && !process.env.CI;
if (skipHere) console.warn(`nginx-proxy.test.ts skipped: ${NGINX} is not installed (apt-get install nginx; CI fails instead).`);
const NETNS_REASON = inOwnNetns ? null : netnsUnavailable();
if (NETNS_REASON && !process.env.CI) console.warn(`nginx-proxy.test.ts skipped: ${NETNS_REASON}`);

if (!inOwnNetns) {
  describe("Callboard behind nginx, in a network namespace of its own", () => {
    it.skipIf(skipHere || (NETNS_REASON !== null && !process.env.CI))(
      "passes every check there (the run's output follows on failure)",
      () => {
        const run = runInOwnNetns(fileURLToPath(import.meta.url), [OUTSIDE], 240_000);
        expect(run.status, run.output).toBe(0);
        expect(run.output).toMatch(/Tests\s+\d+ passed/);
      },
      260_000,
    );
  });
}

let dir: string;
let server: TestServer | undefined;
let nginx: Nginx | undefined;
let db: Db | undefined;
let site: string;

const payload = loadPayload("05-completed-confirmed");
const deliver = (from: string, baseUrl: string, executionId: string, headers: Record<string, string> = {}) =>
  requestFrom(from, `${baseUrl}/api/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ ...payload, id: executionId }),
  });
const storedSenders = (executionId: string) => eventsFor(db!, executionId).map((event) => event.senderIp);
// Refused senders are counted in memory and written once a second.
const refusedSender = (ip: string) =>
  expect.poll(() => db!.select().from(rejectedSenders).where(eq(rejectedSenders.ip, ip)).get(), { timeout: 5_000 });

describe.runIf(inOwnNetns)("Callboard behind nginx (deploy/nginx.conf, TRUSTED_PROXY_HOPS=1)", () => {
  beforeAll(async () => {
    if (nginxMissing) throw new Error(`${NGINX} is not installed: .ci/run installs it (apt-get install nginx)`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-nginx-"));
    // nginx's worker drops root for nobody and must reach its temp paths; the database gets a private folder.
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, "data"), { mode: 0o700 });
    server = await startServer({
      TRUSTED_PROXY_HOPS: "1",
      // nginx's own address towards its upstream: other loopback clients are not proxies.
      TRUSTED_PROXIES: "127.0.0.1",
      WEBHOOK_ALLOW_LOOPBACK: "false",
      BOLNA_WEBHOOK_IPS: ["127.0.0.2/32", `${FORGED}/32`, `${OUTSIDE}/32`].join(","),
      API_TOKEN,
      // vitest sets TEST=true, which relaxes better-auth's checks; production never has it.
      TEST: "",
      DATABASE_PATH: path.join(dir, "data", "callboard.db"),
    });
    db = openTestDatabase(server.databasePath);
    const port = await freePort();
    site = siteConfigForTest(Number(new URL(server.url).port), port);
    const checked = testConfig(dir, site);
    if (!checked.ok) throw new Error(`nginx -t refused the config from deploy/nginx.conf:\n${checked.output}`);
    nginx = await startNginx(dir, site, port);
  });

  afterAll(async () => {
    db?.$client.close();
    await Promise.all([nginx?.stop(), server?.stop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs the documented config, which nginx -t accepts", () => {
    expect(site).toContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    expect(nginx!.test()).toMatchObject({ ok: true, output: expect.stringContaining("test is successful") });
  });

  it("answers /api/health and readiness through nginx", async () => {
    const health = await requestFrom("127.0.0.6", `${nginx!.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ ok: true });
    expect(health.headers.server).toBe("nginx");
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000");
    const ready = await requestFrom("127.0.0.6", `${nginx!.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({ ok: true, checks: { database: { ok: true }, shedding: { active: false } } });
  });

  describe("the webhook's sender", () => {
    it("is the client nginx saw: an allowlisted client is accepted and stored as the sender", async () => {
      const response = await deliver(OUTSIDE, nginx!.url, "nginx-allowed");
      expect([200, 202]).toContain(response.status);
      expect(response.json.ok).toBe(true);
      expect(storedSenders("nginx-allowed")).toEqual([OUTSIDE]);
    });

    it("is not what a client writes into X-Forwarded-For: 403 forbidden_ip, nothing stored", async () => {
      const claims = [FORGED, OUTSIDE];
      for (const [index, claimed] of claims.entries()) {
        const response = await deliver("127.0.0.3", nginx!.url, `nginx-forged-${index}`, { "x-forwarded-for": claimed });
        expect(response.status).toBe(403);
        expect(response.json.error.code).toBe("forbidden_ip");
        expect(storedSenders(`nginx-forged-${index}`)).toEqual([]);
      }
      await refusedSender("127.0.0.3").toMatchObject({ count: claims.length, lastReason: "not on the allowlist" });
    });

    it("stays refused from loopback although BOLNA_WEBHOOK_IPS lists it: loopback is WEBHOOK_ALLOW_LOOPBACK's alone", async () => {
      const response = await deliver("127.0.0.2", nginx!.url, "nginx-loopback");
      expect(response.status).toBe(403);
      expect(response.json.error.code).toBe("forbidden_ip");
      expect(storedSenders("nginx-loopback")).toEqual([]);
      await refusedSender("127.0.0.2").toMatchObject({ lastReason: "not on the allowlist" });
    });
  });

  describe("straight to Callboard's port, bypassing nginx", () => {
    it("takes a client that is not the proxy at its own address, whatever X-Forwarded-For it writes", async () => {
      // A loopback client that is not nginx: its own address, which is no allowed sender.
      const loopback = await deliver("127.0.0.3", server!.url, "direct-forged", { "x-forwarded-for": FORGED });
      expect(loopback.status).toBe(403);
      expect(loopback.json.error).toMatchObject({ code: "forbidden_ip", message: expect.stringMatching(/not on the allowlist/) });
      expect(storedSenders("direct-forged")).toEqual([]);
      await refusedSender("127.0.0.3").toMatchObject({ lastReason: "not on the allowlist" });
      // An allowlisted machine that reaches the port is itself, not whom it names.
      const outside = await deliver(OUTSIDE, server!.url, "direct-outside", { "x-forwarded-for": FORGED });
      expect([200, 202]).toContain(outside.status);
      expect(storedSenders("direct-outside")).toEqual([OUTSIDE]);
      // From nginx's own address without the header nginx always writes: one address is fewer than one hop.
      const bare = await deliver("127.0.0.1", server!.url, "direct-bare");
      expect(bare.status).toBe(403);
      expect(bare.json.error).toMatchObject({ code: "forbidden_ip", message: expect.stringMatching(/fewer forwarded/) });
      await refusedSender(UNPARSABLE_SENDER).toMatchObject({ lastReason: expect.stringMatching(/fewer forwarded/) });
    });

    it("listens on loopback alone when a proxy is configured and HOSTNAME is not set, and says so at start", async () => {
      const guarded = await startServer({ TRUSTED_PROXY_HOPS: "1", HOSTNAME: "", API_TOKEN, TEST: "" });
      try {
        expect(guarded.output()).toMatch(/listening on 127\.0\.0\.1 only \(set HOSTNAME to listen elsewhere\)/);
        const port = new URL(guarded.url).port;
        expect((await requestFrom("127.0.0.1", `http://127.0.0.1:${port}/api/health`)).status).toBe(200);
        await expect(requestFrom(OUTSIDE, `http://${OUTSIDE}:${port}/api/health`)).rejects.toThrow(/ECONNREFUSED/);
      } finally {
        await guarded.stop();
      }
    });
  });

  it("limits sign-in per client: nginx's own address is no shared bucket, and a forged header does not escape it", async () => {
    let attempt = 0;
    const signIn = (from: string, headers: Record<string, string> = {}) => {
      attempt += 1;
      // A new account every time, so that the per-account lockout (5 failures) never answers first.
      const body = JSON.stringify({ email: `nobody-${attempt}@example.com`, password: "not-the-password-1" });
      return requestFrom(from, `${nginx!.url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: nginx!.url, ...headers },
        body,
      });
    };
    const first = await signIn("127.0.0.4");
    expect(first.status).toBe(401);
    expect(first.json.code).toBe("INVALID_EMAIL_OR_PASSWORD");
    const statuses = [first.status];
    for (let i = 1; i < 31; i += 1) statuses.push((await signIn("127.0.0.4")).status);
    // better-auth: 30 sign-ins per 60 s per IP (lib/auth/auth.ts).
    expect(statuses).toEqual([...Array<number>(30).fill(401), 429]);

    for (let i = 1; i <= 3; i += 1) {
      expect((await signIn("127.0.0.4", { "x-forwarded-for": `198.51.100.${i}` })).status).toBe(429);
    }
    expect((await signIn("127.0.0.4", { "x-callboard-client-ip": "198.51.100.77" })).status).toBe(429);
    expect((await signIn("127.0.0.5")).status).toBe(401);
  }, 90_000);

  it("streams /api/live through nginx as events happen, unbuffered", async () => {
    const abort = new AbortController();
    try {
      const stream = await openStreamFrom(
        "127.0.0.6",
        `${nginx!.url}/api/live`,
        { authorization: `Bearer ${API_TOKEN}`, accept: "text/event-stream" },
        5_000,
        abort.signal,
      );
      expect(stream.status).toBe(200);
      expect(stream.headers["content-type"]).toMatch(/^text\/event-stream/);
      // A few bytes each: a buffering proxy would hold them back until its buffer filled or the stream ended.
      await stream.next(/event: ready/);
      insertCandidate(db!);
      await stream.next(/event: change/);
    } finally {
      abort.abort();
    }
  });

  it("answers a body over client_max_body_size in the API's JSON shape, not nginx's HTML page", async () => {
    const response = await announceBodyFrom("127.0.0.6", `${nginx!.url}/api/candidates/import`, 70 * 1024 * 1024, {
      "content-type": "text/csv",
    });
    expect(response.status).toBe(413);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.json.error.code).toBe("payload_too_large");
  });

  // Last: it stops Callboard.
  it("answers 503 in the API's JSON shape while Callboard is down", async () => {
    await server!.stop();
    const response = await requestFrom("127.0.0.6", `${nginx!.url}/api/health`);
    expect(response.status).toBe(503);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.json.error.code).toBe("unavailable");
  });
});
