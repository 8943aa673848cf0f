import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { selfServiceRateLimits, webhookEvents } from "@/db/schema";
import { requestFrom } from "./deploy/bound-http";
import { ADMIN, API_TOKEN, createCandidate, startApiServer } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import { inPool } from "./support/raw-http";
import { loadPayload } from "./support/payloads";
import type { TestServer } from "./support/server";

/*
 * Forwarding headers count only from the proxy (TRUSTED_PROXIES), and every per-address limit keys on an address
 * it can trust: the built server with TRUSTED_PROXY_HOPS=1 and one trusted proxy, 127.0.0.1, standing in for a
 * reverse proxy on the same host; 127.0.0.3 is a client that reaches the port directly (all of 127.0.0.0/8 is
 * loopback, so it is another machine to the server). Non-loopback peers: tests/deploy/nginx-proxy.test.ts, in a
 * network namespace of its own.
 */
const PROXY = "127.0.0.1";
const DIRECT = "127.0.0.3";
const BOLNA_IP = "13.203.39.153";

let server: TestServer;
let db: Db;

beforeAll(async () => {
  server = await startApiServer({
    TRUSTED_PROXY_HOPS: "1",
    TRUSTED_PROXIES: PROXY,
    WEBHOOK_ALLOW_LOOPBACK: "false",
    SELF_SERVICE_RATE_LIMIT: "30",
    SEED_DEMO: "false",
    // Every counted request is a write: a flood of them is quicker without waiting for the disk each time.
    SQLITE_SYNCHRONOUS: "NORMAL",
  });
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const signInFrom = (
  from: string,
  headers: Record<string, string>,
  password = "not-the-password-1",
  email: string = ADMIN.email,
) =>
  requestFrom(from, `${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.url, ...headers },
    body: JSON.stringify({ email, password }),
  });

describe("TRUSTED_PROXIES", () => {
  it("believes X-Forwarded-For from the proxy, and takes anyone else at their own address, whatever they write", async () => {
    const delivery = (id: string) => JSON.stringify({ ...loadPayload("02-ringing"), id });
    const proxied = await requestFrom(PROXY, `${server.url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": BOLNA_IP },
      body: delivery("forwarding-proxied"),
    });
    expect(proxied.status).toBe(202);
    // A client that reached the port directly used to name an allowlisted address and be believed.
    const direct = await requestFrom(DIRECT, `${server.url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": BOLNA_IP },
      body: delivery("forwarding-direct"),
    });
    expect(direct.status).toBe(403);
    expect(direct.json.error.code).toBe("forbidden_ip");
    const stored = (id: string) =>
      db.select({ sender: webhookEvents.senderIp }).from(webhookEvents).where(eq(webhookEvents.executionId, id)).all();
    expect(stored("forwarding-proxied")).toEqual([{ sender: BOLNA_IP }]);
    expect(stored("forwarding-direct")).toEqual([]);
  });

  it("marks cookies Secure when the proxy says the client came over https, and only then", async () => {
    const secure = (setCookie: string[] | undefined) => {
      expect(setCookie?.some((line) => line.startsWith("callboard.session_token="))).toBe(true);
      return [...new Set(setCookie!.map((line) => /;\s*secure(;|$)/i.test(line)))];
    };
    const viaHttps = await signInFrom(PROXY, { "x-forwarded-for": "203.0.113.31", "x-forwarded-proto": "https" }, ADMIN.password);
    expect(viaHttps.status).toBe(200);
    expect(secure(viaHttps.headers["set-cookie"])).toEqual([true]);
    const viaHttp = await signInFrom(PROXY, { "x-forwarded-for": "203.0.113.32", "x-forwarded-proto": "http" }, ADMIN.password);
    expect(secure(viaHttp.headers["set-cookie"])).toEqual([false]);
    // A direct client's claim is its own: not believed.
    const claimed = await signInFrom(DIRECT, { "x-forwarded-proto": "https" }, ADMIN.password);
    expect(claimed.status).toBe(200);
    expect(secure(claimed.headers["set-cookie"])).toEqual([false]);
  });

  it("writes links with the host the proxy names, never one a direct client names", async () => {
    const candidate = await createCandidate(server.url);
    const link = (from: string, headers: Record<string, string>) =>
      requestFrom(from, `${server.url}/api/candidates/${candidate.id}/self-service-link`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_TOKEN}`, ...headers },
      });
    const forged = await link(DIRECT, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(forged.status).toBe(201);
    expect(forged.json.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${new URL(server.url).port}/i/`));
    const proxied = await link(PROXY, {
      "x-forwarded-for": "203.0.113.40",
      "x-forwarded-host": "callboard.example.com",
      "x-forwarded-proto": "https",
    });
    expect(proxied.json.url).toMatch(/^https:\/\/callboard\.example\.com\/i\//);
  });
});

describe("no shared bucket for an address nobody can read", () => {
  it("counts sign-ins by the address the proxy saw, ignoring what the client wrote before it", async () => {
    // nginx appends the address it saw to whatever the client sent, "unknown" included.
    // A new account every time, so that only the address's limit (30 a minute) can answer 429.
    const attacker = { "x-forwarded-for": "unknown, 198.51.100.9" };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1)
      statuses.push((await signInFrom(PROXY, attacker, "not-the-password-1", `nobody-${i}@example.com`)).status);
    expect(statuses).toEqual([...Array<number>(30).fill(401), 429]);
    // Another user behind a proxy that also writes "unknown" is not locked out with the attacker.
    const user = await signInFrom(PROXY, { "x-forwarded-for": "unknown, 198.51.100.10" }, ADMIN.password);
    expect(user.status).toBe(200);
  }, 60_000);

  it("refuses, rather than lumps together, a request whose proxy-written address is unreadable", async () => {
    const signIn = await signInFrom(PROXY, { "x-forwarded-for": "unknown" }, ADMIN.password);
    expect(signIn.status).toBe(400);
    expect(signIn.json.code).toBe("CLIENT_ADDRESS_UNKNOWN");
    const selfService = await requestFrom(PROXY, `${server.url}/api/self-service/not-a-token`, {
      headers: { "x-forwarded-for": "unknown" },
    });
    expect(selfService.status).toBe(400);
    expect(selfService.json.error.code).toBe("client_address_unknown");
  });
});

describe("self-service limits by IPv6 /64", () => {
  it("3,000 requests from one /64 share one count and one row; another /64 is not held by it", async () => {
    const rowsBefore = db.select({ n: count() }).from(selfServiceRateLimits).get()!.n;
    const started = Date.now();
    const statuses = await inPool(
      Array.from({ length: 3_000 }, (_, i) => i),
      16,
      async (i) =>
        (
          await fetch(`${server.url}/api/self-service/not-a-token`, {
            headers: {
              "x-forwarded-for": `2001:db8:aa:bb:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}:1:${(i % 97).toString(16)}`,
            },
          })
        ).status,
    );
    // 30 a minute: a busy machine may take more than a minute for all of them, and each minute starts a count.
    const minutes = Math.ceil((Date.now() - started) / 60_000);
    const answered = statuses.filter((status) => status === 404).length;
    expect(answered).toBeGreaterThanOrEqual(30);
    expect(answered).toBeLessThanOrEqual(30 * minutes);
    expect(statuses.filter((status) => status !== 404 && status !== 429)).toEqual([]);
    expect(db.select({ n: count() }).from(selfServiceRateLimits).get()!.n - rowsBefore).toBe(1);
    const neighbour = await fetch(`${server.url}/api/self-service/not-a-token`, {
      headers: { "x-forwarded-for": "2001:db8:aa:bc::1" },
    });
    expect(neighbour.status).toBe(404);
  }, 120_000);
});
