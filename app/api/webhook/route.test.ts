import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { candidates, webhookEvents } from "@/db/schema";
import { PEER_HEADER } from "@/lib/http/client-address";
import { loadPayload } from "@/tests/support/payloads";

/**
 * The webhook as a function: `POST(new Request(...))` with no server running, against a real SQLite file. Each
 * case loads the route module afresh with its own environment (env() is read once per module instance).
 */
const BOLNA_IP = "13.203.39.153";
const SECRET = "per-process-secret-for-this-test";
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "webhook-route-"));
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function routeWith(environment: Record<string, string>) {
  vi.stubEnv("DATABASE_PATH", path.join(dir, "test.db"));
  vi.stubEnv("WEBHOOK_ALLOW_LOOPBACK", "false");
  vi.stubEnv("CALLBOARD_PEER_SECRET", "");
  vi.stubEnv("TRUSTED_PROXY_HOPS", "0");
  vi.stubEnv("WEBHOOK_SECRET", "");
  vi.stubEnv("BOLNA_WEBHOOK_IPS", "");
  for (const [key, value] of Object.entries(environment)) vi.stubEnv(key, value);
  return import("./route");
}

const delivery = (headers: Record<string, string>, body: unknown = loadPayload("05-completed-confirmed")) =>
  new Request("http://callboard.test/api/webhook", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

function storedEvents() {
  const db = openDatabase(path.join(dir, "test.db"), "NORMAL");
  try {
    return db.select({ result: webhookEvents.result, senderIp: webhookEvents.senderIp }).from(webhookEvents).all();
  } finally {
    db.$client.close();
  }
}

describe("POST /api/webhook as a function", () => {
  it("applies a delivery vouched for by npm start's server and answers only after it is stored", async () => {
    const { POST } = await routeWith({ CALLBOARD_PEER_SECRET: SECRET });
    const db = openDatabase(path.join(dir, "test.db"), "NORMAL");
    const now = new Date();
    db.insert(candidates)
      .values({ name: "Asha Verma", phone: "+919800000101", interviewAt: now, statusChangedAt: now, updatedAt: now })
      .run();
    db.$client.close();
    const answer = await POST(delivery({ [PEER_HEADER]: `${SECRET} ${BOLNA_IP}` }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true, result: "applied", candidateStatus: "confirmed" });
    expect(storedEvents()).toEqual([{ result: "applied", senderIp: BOLNA_IP }]);
  });

  it("refuses a stamp made with another secret, or none, as a foreign sender, and stores nothing", async () => {
    const { POST } = await routeWith({ CALLBOARD_PEER_SECRET: SECRET });
    const attempts: Record<string, string>[] = [
      { [PEER_HEADER]: `not-the-secret ${BOLNA_IP}` },
      { "x-forwarded-for": BOLNA_IP },
      {},
    ];
    for (const headers of attempts) {
      const answer = await POST(delivery(headers));
      expect(answer.status).toBe(403);
      expect(await answer.json()).toMatchObject({ error: { code: "forbidden_ip" } });
    }
    expect(storedEvents()).toEqual([]);
  });

  it("answers 503 in a process that cannot see the peer (no secret, TRUSTED_PROXY_HOPS=0)", async () => {
    const { POST } = await routeWith({});
    const answer = await POST(delivery({ "x-forwarded-for": BOLNA_IP }));
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ error: { code: "webhook_unavailable" } });
  });

  it("reads X-Forwarded-For with the proxy as the peer when TRUSTED_PROXY_HOPS=1 and no server vouches", async () => {
    const { POST } = await routeWith({ TRUSTED_PROXY_HOPS: "1" });
    expect((await POST(delivery({ "x-forwarded-for": `198.51.100.9, ${BOLNA_IP}` }))).status).toBe(202);
    expect((await POST(delivery({ "x-forwarded-for": `${BOLNA_IP}, 198.51.100.9` }))).status).toBe(403);
    expect((await POST(delivery({}))).status).toBe(403);
    expect(storedEvents()).toEqual([{ result: "unmatched", senderIp: BOLNA_IP }]);
  });

  it("keeps the contract's refusals in order: secret, size, type, JSON, execution id", async () => {
    const { POST } = await routeWith({ CALLBOARD_PEER_SECRET: SECRET, WEBHOOK_SECRET: "shared" });
    const vouched = { [PEER_HEADER]: `${SECRET} ${BOLNA_IP}`, "x-webhook-secret": "shared" };
    const answers = [
      await POST(delivery({ [PEER_HEADER]: `${SECRET} ${BOLNA_IP}` })),
      await POST(delivery(vouched, "x".repeat(1024 * 1024 + 1))),
      await POST(delivery({ ...vouched, "content-type": "text/plain" })),
      await POST(delivery(vouched, "{not json")),
      await POST(delivery(vouched, { status: "queued" })),
    ];
    expect(await Promise.all(answers.map(async (answer) => [answer.status, (await answer.json()).error.code]))).toEqual([
      [401, "invalid_secret"],
      [413, "payload_too_large"],
      [415, "unsupported_media_type"],
      [400, "invalid_json"],
      [400, "invalid_payload"],
    ]);
    expect(storedEvents()).toEqual([]);
  });

  it("is the same handler at /webhook", async () => {
    const api = await routeWith({});
    const legacy = await import("@/app/webhook/route");
    expect(legacy.POST).toBe(api.POST);
  });
});
