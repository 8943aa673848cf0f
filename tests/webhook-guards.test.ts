import net from "node:net";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rejectedSenders, webhookEvents } from "@/db/schema";
import { openTestDatabase } from "./support/database";
import { loadPayload } from "./support/payloads";
import { startServer, type TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

const SECRET = "s3cret-shared-with-bolna";
const BOLNA_IP = "13.203.39.153";

// Behind one trusted proxy (the test plays it from loopback), with a shared secret and loopback refused.
let proxied: TestServer;
// No proxy: the sender is the TCP peer, whatever X-Forwarded-For says.
let direct: TestServer;
let db: Db;

beforeAll(async () => {
  [proxied, direct] = await Promise.all([
    startServer({ TRUSTED_PROXY_HOPS: "1", WEBHOOK_ALLOW_LOOPBACK: "false", WEBHOOK_SECRET: SECRET }),
    startServer({ TRUSTED_PROXY_HOPS: "0", WEBHOOK_ALLOW_LOOPBACK: "false" }),
  ]);
  db = openTestDatabase(proxied.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await Promise.all([proxied?.stop(), direct?.stop()]);
});

const body = loadPayload("01-queued");
const fromBolna = { "x-forwarded-for": BOLNA_IP, "x-webhook-secret": SECRET };
const storedEvents = () => db.select({ n: count() }).from(webhookEvents).get()!.n;

describe("sender IP", () => {
  it("accepts an allowed sender named by the trusted proxy", async () => {
    const { status, json } = await postWebhook(proxied.url, body, { headers: fromBolna });
    expect(status).toBe(200);
    expect(json.result).toBe("applied");
  });

  it("accepts Bolna's address written as IPv4-mapped IPv6", async () => {
    const { status } = await postWebhook(proxied.url, body, {
      headers: { ...fromBolna, "x-forwarded-for": `::ffff:${BOLNA_IP}` },
    });
    expect(status).toBe(200);
  });

  it.each([
    ["a spoofed allowed address left of the real one", `${BOLNA_IP}, 198.51.100.7`],
    ["an empty header", ""],
    ["a malformed entry", "not-an-ip"],
    ["an empty entry in the chain", `${BOLNA_IP}, `],
    ["an address with a port", `${BOLNA_IP}:443`],
    ["a disallowed address", "198.51.100.7"],
  ])("refuses %s with 403 and stores nothing", async (_label, forwardedFor) => {
    const before = storedEvents();
    const { status, json } = await postWebhook(proxied.url, body, {
      headers: { ...fromBolna, "x-forwarded-for": forwardedFor },
    });
    expect(status).toBe(403);
    expect(json.error?.code).toBe("forbidden_ip");
    expect(storedEvents()).toBe(before);
  });

  it("refuses a client that only claims to be Bolna when no proxy is trusted", async () => {
    const { status, json } = await postWebhook(direct.url, body, { headers: { "x-forwarded-for": BOLNA_IP } });
    expect(status).toBe(403);
    expect(json.error?.code).toBe("forbidden_ip");
  });

  it("records refused senders with a count for the admin", async () => {
    await postWebhook(proxied.url, body, { headers: { ...fromBolna, "x-forwarded-for": "203.0.113.9" } });
    await postWebhook(proxied.url, body, { headers: { ...fromBolna, "x-forwarded-for": "203.0.113.9" } });
    // Counted in memory and written once a second, so a flood costs no write per request.
    await expect
      .poll(() => db.select().from(rejectedSenders).where(eq(rejectedSenders.ip, "203.0.113.9")).get(), { timeout: 5_000 })
      .toMatchObject({ count: 2, lastReason: expect.stringMatching(/allowlist/) });
  });

  it("answers 429 past the per-sender rate limit, and Bolna's other address is not slowed", async () => {
    const limited = await startServer({ TRUSTED_PROXY_HOPS: "1", WEBHOOK_ALLOW_LOOPBACK: "false", WEBHOOK_RATE_LIMIT: "5" });
    try {
      const burst = await Promise.all(
        Array.from({ length: 12 }, () => postWebhook(limited.url, body, { headers: { "x-forwarded-for": BOLNA_IP } })),
      );
      const statuses = burst.map((response) => response.status);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
      expect(burst.find((response) => response.status === 429)?.json.error?.code).toBe("rate_limited");
      const other = await postWebhook(limited.url, body, { headers: { "x-forwarded-for": "13.126.9.249" } });
      expect(other.status).toBe(200);
    } finally {
      await limited.stop();
    }
  }, 180_000);
});

describe("shared secret", () => {
  it.each([
    ["missing", {}],
    ["wrong", { "x-webhook-secret": "guess" }],
  ])("answers 401 when the secret is %s", async (_label, secretHeader) => {
    const { status, json } = await postWebhook(proxied.url, body, {
      headers: { "x-forwarded-for": BOLNA_IP, ...secretHeader },
    });
    expect(status).toBe(401);
    expect(json.error?.code).toBe("invalid_secret");
  });
});

/**
 * A chunked webhook upload of `size` bytes, 64 KiB every 20 ms, on a raw connection that keeps writing after the
 * answer has come (as a sender whose body is in flight does). The server's early answer must not reset it.
 */
function uploadSlowly(url: string, size: number) {
  const chunk = Buffer.alloc(64 * 1024, "x");
  return new Promise<{ answer: string; sent: number; error: string | null; endedByServer: boolean }>((resolve) => {
    const socket = net.connect({ port: Number(new URL(url).port), host: "127.0.0.1", allowHalfOpen: true });
    let answer = "";
    let sent = 0;
    let error: string | null = null;
    let endedByServer = false;
    socket.on("data", (data: Buffer) => (answer += data.toString("utf8")));
    socket.on("error", (err: NodeJS.ErrnoException) => (error ??= err.code ?? err.message));
    socket.on("end", () => (endedByServer = true));
    socket.on("close", () => resolve({ answer, sent, error, endedByServer }));
    socket.on("connect", () => {
      const head = ["POST /webhook HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json", "Transfer-Encoding: chunked"];
      for (const [name, value] of Object.entries(fromBolna)) head.push(`${name}: ${value}`);
      socket.write(`${head.join("\r\n")}\r\n\r\n`);
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        if (sent >= size) {
          clearInterval(timer);
          socket.end("0\r\n\r\n");
          return;
        }
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write("\r\n");
        sent += chunk.length;
      }, 20);
    });
  });
}

describe("body limits and format", () => {
  it("refuses 2 MiB with 413 and stores nothing, with or without a Content-Length", async () => {
    const before = storedEvents();
    const huge = JSON.stringify({ ...body, transcript: "x".repeat(2 * 1024 * 1024) });
    const declared = await postWebhook(proxied.url, huge, { headers: fromBolna });
    expect(declared.status).toBe(413);
    expect(declared.json.error?.code).toBe("payload_too_large");

    const encoded = new TextEncoder().encode(huge);
    const chunked = await fetch(`${proxied.url}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...fromBolna },
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < encoded.length; offset += 64 * 1024) {
            controller.enqueue(encoded.slice(offset, offset + 64 * 1024));
          }
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(storedEvents()).toBe(before);
  });

  it("lets a sender still writing an oversized body read its 413, then ends the connection without a reset", async () => {
    const before = storedEvents();
    const upload = await uploadSlowly(proxied.url, 2 * 1024 * 1024);
    expect(upload.error).toBeNull();
    expect(upload.sent).toBe(2 * 1024 * 1024);
    expect(upload.answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(upload.answer).toContain('"payload_too_large"');
    expect(upload.endedByServer).toBe(true);
    expect(storedEvents()).toBe(before);
  });

  it("answers 415 for a body that is not JSON by content type", async () => {
    const { status, json } = await postWebhook(proxied.url, JSON.stringify(body), {
      headers: { ...fromBolna, "content-type": "text/plain" },
    });
    expect(status).toBe(415);
    expect(json.error?.code).toBe("unsupported_media_type");
  });

  it.each([
    ["broken JSON", '{"id": ', "invalid_json"],
    ["JSON without an execution id", JSON.stringify({ status: "queued" }), "invalid_payload"],
    ["a JSON array", "[1,2,3]", "invalid_payload"],
  ])("answers 400 for %s", async (_label, raw, code) => {
    const { status, json } = await postWebhook(proxied.url, raw, { headers: fromBolna });
    expect(status).toBe(400);
    expect(json.error?.code).toBe(code);
  });

  it("accepts application/json with a charset and an integer id", async () => {
    const { status } = await postWebhook(
      proxied.url,
      { ...body, id: 424242 },
      {
        headers: { ...fromBolna, "content-type": "application/json; charset=utf-8" },
      },
    );
    expect(status).toBe(200);
    const stored = db.select().from(webhookEvents).where(eq(webhookEvents.executionId, "424242")).get();
    expect(stored?.result).toBe("applied");
  });
});

describe("a server started without npm start", () => {
  it("fails closed with TRUSTED_PROXY_HOPS=0: a bare next start cannot see the peer, so every delivery gets a 503 Bolna retries", async () => {
    const bare = await startServer({ WEBHOOK_ALLOW_LOOPBACK: "true", TRUSTED_PROXY_HOPS: "0" }, "next-start");
    const bareDb = openTestDatabase(bare.databasePath);
    try {
      for (const path of ["/webhook", "/api/webhook"] as const) {
        const { status, json } = await postWebhook(bare.url, body, { path, headers: { "x-forwarded-for": BOLNA_IP } });
        expect(status).toBe(503);
        expect(json.error?.code).toBe("webhook_unavailable");
        expect(json.error?.message).toMatch(/npm start/);
      }
      expect(bareDb.select({ n: count() }).from(webhookEvents).get()!.n).toBe(0);
    } finally {
      bareDb.$client.close();
      await bare.stop();
    }
  });

  it("behind a proxy (TRUSTED_PROXY_HOPS=1) reads the sender from X-Forwarded-For with the proxy as the peer", async () => {
    const bare = await startServer(
      { WEBHOOK_ALLOW_LOOPBACK: "false", TRUSTED_PROXY_HOPS: "1", SEED_DEMO: "false" },
      "next-start",
    );
    const bareDb = openTestDatabase(bare.databasePath);
    try {
      // What a proxy appends last is the client it saw: that entry decides, whatever the client wrote before it.
      // (No candidates here: accepted deliveries are kept as unmatched, 202.)
      expect((await postWebhook(bare.url, body, { headers: { "x-forwarded-for": BOLNA_IP } })).status).toBe(202);
      expect((await postWebhook(bare.url, body, { headers: { "x-forwarded-for": `198.51.100.7, ${BOLNA_IP}` } })).status).toBe(
        202,
      );
      for (const forwardedFor of [`${BOLNA_IP}, 198.51.100.7`, "not-an-ip", `${BOLNA_IP}, `]) {
        const refused = await postWebhook(bare.url, body, { headers: { "x-forwarded-for": forwardedFor } });
        expect(refused.status).toBe(403);
        expect(refused.json.error?.code).toBe("forbidden_ip");
      }
      // The two accepted deliveries are stored; the refusals stored nothing.
      expect(bareDb.select({ result: webhookEvents.result }).from(webhookEvents).all()).toEqual([
        { result: "unmatched" },
        { result: "unmatched" },
      ]);
    } finally {
      bareDb.$client.close();
      await bare.stop();
    }
  });
});

describe("the server's stamp", () => {
  it("cannot be forged or replayed by a client: a sent x-callboard-peer header is replaced by what the socket says", async () => {
    const directDb = openTestDatabase(direct.databasePath);
    const directEvents = () => directDb.select({ n: count() }).from(webhookEvents).get()!.n;
    const before = directEvents();
    for (const stamp of [`guess ${BOLNA_IP}`, `${"a".repeat(43)} ${BOLNA_IP}`, BOLNA_IP]) {
      const { status, json } = await postWebhook(direct.url, body, { headers: { "x-callboard-peer": stamp } });
      expect(status).toBe(403);
      expect(json.error?.code).toBe("forbidden_ip");
    }
    expect(directEvents()).toBe(before);
    directDb.$client.close();
  });
});

describe("HTTP/1.1 pipelining", () => {
  it("answers every delivery sent back to back on one connection, in order, and stores each", async () => {
    const port = Number(new URL(proxied.url).port);
    const ids = ["pipelined-1", "pipelined-2", "pipelined-3"];
    const request = (id: string) => {
      const text = JSON.stringify({ ...body, id });
      return `POST /api/webhook HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nX-Forwarded-For: ${BOLNA_IP}\r\nX-Webhook-Secret: ${SECRET}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
    };
    const answered = await new Promise<string>((resolve, reject) => {
      const socket = net.connect({ host: "127.0.0.1", port }, () => socket.write(ids.map(request).join("")));
      let received = "";
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(received);
      }, 20_000);
      socket.on("data", (chunk: Buffer) => {
        received += chunk.toString("utf8");
        const complete = received.endsWith("}") || received.endsWith("\r\n0\r\n\r\n");
        if ((received.match(/^HTTP\/1\.1 /gm) ?? []).length === ids.length && complete) {
          clearTimeout(timer);
          socket.destroy();
          resolve(received);
        }
      });
      socket.on("error", reject);
    });
    expect(answered.match(/^HTTP\/1\.1 2\d\d/gm)).toHaveLength(ids.length);
    for (const id of ids) expect(db.select().from(webhookEvents).where(eq(webhookEvents.executionId, id)).all()).toHaveLength(1);
  });
});
