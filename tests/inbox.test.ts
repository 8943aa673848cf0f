import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ApiError } from "@/lib/http/api-error";
import { changeSlotCapacity } from "@/lib/slots/change-capacity";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  createSlot,
  createUser,
  signIn,
  startApiServer,
  uniqueInstant,
  uniquePhone,
  type Json,
} from "./support/auth-client";
import { eventsFor, openTestDatabase } from "./support/database";
import { loadPayload, retarget, type Body } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

let server: TestServer;
/** Loopback refused and one trusted proxy: X-Forwarded-For chooses the sender, so refusals can be produced. */
let guarded: TestServer;
let db: Db;

beforeAll(async () => {
  [server, guarded] = await Promise.all([
    startApiServer(),
    startApiServer({ WEBHOOK_ALLOW_LOOPBACK: "false", TRUSTED_PROXY_HOPS: "1" }),
  ]);
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await Promise.all([server?.stop(), guarded?.stop()]);
});

const call = (path: string, options: { method?: string; body?: unknown } = {}) =>
  api(server.url, path, { token: API_TOKEN, ...options });
const inbox = async () => (await call("/api/inbox")).json.deliveries as Json[];
const link = (eventId: number, candidateId: number) =>
  call(`/api/inbox/${eventId}/link`, { method: "POST", body: { candidateId } });

/** A sample body for a new execution, addressed to a phone no candidate has. */
function unmatchedBody(fixture: string, executionId = crypto.randomUUID()): Body {
  return retarget(loadPayload(fixture), executionId, uniquePhone());
}

/** The same body with every phone taken out: only the execution id can match it. */
function withoutPhones(body: Body): Body {
  const copy = structuredClone(body);
  delete copy.user_number;
  delete (copy.telephony_data as Record<string, unknown>).to_number;
  delete (copy.context_details as Record<string, unknown>).recipient_phone_number;
  return copy;
}

async function deliverUnmatched(body: Body): Promise<number> {
  const { status, json } = await postWebhook(server.url, body);
  expect(status).toBe(202);
  expect(json.result).toBe("unmatched");
  return json.eventId as number;
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("GET /api/inbox", () => {
  it("lists an unmatched delivery with its execution, status, phones, sender and raw body", async () => {
    const body = unmatchedBody("03-in-progress");
    const eventId = await deliverUnmatched(body);
    const { status, json } = await call("/api/inbox");
    expect(status).toBe(200);
    expect(json.total).toBeGreaterThanOrEqual(1);
    expect((json.deliveries as Json[]).find((delivery) => delivery.id === eventId)).toEqual({
      id: eventId,
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      executionId: body.id,
      bolnaStatus: "in-progress",
      senderIp: "127.0.0.1",
      phones: [body.user_number],
      rawBody: JSON.stringify(body),
      // Bodies are listed by their start (4,000 characters); this one is whole.
      rawBodyBytes: Buffer.byteLength(JSON.stringify(body)),
      rawBodyCut: false,
    });
  });

  it("lists the newest first", async () => {
    const first = await deliverUnmatched(unmatchedBody("01-queued"));
    const second = await deliverUnmatched(unmatchedBody("01-queued"));
    const ids = (await inbox()).map((delivery) => delivery.id);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
  });
});

describe("POST /api/inbox/{eventId}/link", () => {
  it("applies the delivery to the chosen candidate, and later deliveries of that call follow on their own", async () => {
    const candidate = await createCandidate(server.url);
    const inProgress = unmatchedBody("03-in-progress");
    const eventId = await deliverUnmatched(inProgress);

    const linked = await link(eventId, candidate.id);
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({
      ok: true,
      result: "applied",
      candidateId: candidate.id,
      candidateStatus: "calling",
      callStatus: "in-progress",
      linkedEventIds: [eventId],
    });

    const detail = await call(`/api/candidates/${candidate.id}`);
    expect(detail.json.candidate).toMatchObject({ status: "calling", callStatus: "in-progress" });
    expect((detail.json.calls as Json[]).map((c) => c.executionId)).toEqual([inProgress.id]);
    const events = eventsFor(db, inProgress.id);
    expect(events.find((event) => event.id === eventId)).toMatchObject({ result: "unmatched", dismissedAt: expect.any(Date) });
    expect(events.find((event) => event.id === linked.json.eventId)).toMatchObject({
      result: "applied",
      candidateId: candidate.id,
    });
    expect((await inbox()).map((delivery) => delivery.id)).not.toContain(eventId);

    // Bolna's next delivery of the call carries no phone at all: the execution id alone finds the candidate.
    const completed = withoutPhones(retarget(loadPayload("05-completed-confirmed"), inProgress.id, "+10000000000"));
    const later = await postWebhook(server.url, completed);
    expect(later.status).toBe(200);
    expect(later.json).toMatchObject({
      result: "applied",
      candidateId: candidate.id,
      candidateStatus: "confirmed",
      callStatus: "completed",
    });
    expect((await call(`/api/candidates/${candidate.id}`)).json.candidate.status).toBe("confirmed");
  });

  it("also applies the other open deliveries of the same call", async () => {
    const candidate = await createCandidate(server.url);
    const executionId = crypto.randomUUID();
    const queued = await deliverUnmatched(unmatchedBody("01-queued", executionId));
    const ringing = await deliverUnmatched(unmatchedBody("02-ringing", executionId));

    const linked = await link(ringing, candidate.id);
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({ result: "applied", callStatus: "ringing", linkedEventIds: [ringing, queued] });
    const open = (await inbox()).map((delivery) => delivery.id);
    expect(open).not.toContain(queued);
    expect(open).not.toContain(ringing);
    expect(
      eventsFor(db, executionId)
        .map((event) => event.result)
        .sort(),
    ).toEqual(["applied", "stale", "unmatched", "unmatched"]);
  });

  it("refuses a second link with 409", async () => {
    const candidate = await createCandidate(server.url);
    const eventId = await deliverUnmatched(unmatchedBody("02-ringing"));
    expect((await link(eventId, candidate.id)).status).toBe(200);
    const again = await link(eventId, candidate.id);
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("already_resolved");
  });

  it("refuses a call that already belongs to another candidate", async () => {
    const [owner, other] = await Promise.all([createCandidate(server.url), createCandidate(server.url)]);
    const executionId = crypto.randomUUID();
    const eventId = await deliverUnmatched(unmatchedBody("01-queued", executionId));
    const matched = await postWebhook(server.url, retarget(loadPayload("02-ringing"), executionId, owner.phone));
    expect(matched.json).toMatchObject({ result: "applied", candidateId: owner.id });

    const refused = await link(eventId, other.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe("linked_elsewhere");
    expect((await link(eventId, owner.id)).json).toMatchObject({ result: "stale", candidateId: owner.id, callStatus: "ringing" });
  });

  it("answers 404 for an unknown delivery or candidate and 422 without a candidate", async () => {
    const candidate = await createCandidate(server.url);
    const eventId = await deliverUnmatched(unmatchedBody("01-queued"));
    expect((await link(999_999, candidate.id)).json.error?.code).toBe("not_found");
    expect((await link(999_999, candidate.id)).status).toBe(404);
    expect((await link(eventId, 999_999)).status).toBe(404);
    expect((await call(`/api/inbox/abc/link`, { method: "POST", body: { candidateId: candidate.id } })).status).toBe(404);
    const missing = await call(`/api/inbox/${eventId}/link`, { method: "POST", body: {} });
    expect(missing.status).toBe(422);
    expect(missing.json.error?.field).toBe("candidateId");

    // An event that matched is not an inbox entry.
    const matched = await postWebhook(server.url, retarget(loadPayload("01-queued"), crypto.randomUUID(), candidate.phone));
    expect((await link(matched.json.eventId as number, candidate.id)).status).toBe(404);
    expect((await inbox()).map((delivery) => delivery.id)).toContain(eventId);
  });
});

describe("POST /api/inbox/{eventId}/dismiss", () => {
  it("takes the delivery out of the inbox without touching any candidate", async () => {
    const candidate = await createCandidate(server.url);
    const eventId = await deliverUnmatched(unmatchedBody("05-completed-confirmed"));
    const { status, json } = await call(`/api/inbox/${eventId}/dismiss`, { method: "POST" });
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, eventId, dismissedAt: expect.any(String) });
    expect((await inbox()).map((delivery) => delivery.id)).not.toContain(eventId);

    expect((await call(`/api/inbox/${eventId}/dismiss`, { method: "POST" })).status).toBe(409);
    expect((await link(eventId, candidate.id)).status).toBe(409);
    expect((await call(`/api/candidates/${candidate.id}`)).json.candidate.status).toBe("pending");
    expect((await call(`/api/inbox/999999/dismiss`, { method: "POST" })).status).toBe(404);
  });
});

describe("GET /api/rejected-senders", () => {
  it("counts refused senders per address, the most recently seen first", async () => {
    const body = loadPayload("01-queued");
    for (const ip of ["203.0.113.77", "203.0.113.77", "198.51.100.23"]) {
      const refused = await postWebhook(guarded.url, body, { headers: { "x-forwarded-for": ip } });
      expect(refused.status).toBe(403);
    }
    const listed = () => api(guarded.url, "/api/rejected-senders", { token: API_TOKEN });
    expect((await listed()).status).toBe(200);
    // Refusals are tallied in memory and written about once a second.
    await expect
      .poll(async () => ((await listed()).json.senders as Json[]).map((sender) => sender.ip), { timeout: 5_000 })
      .toEqual(["198.51.100.23", "203.0.113.77"]);
    const senders = (await listed()).json.senders as Json[];
    expect(senders[1]).toEqual({
      ip: "203.0.113.77",
      count: 2,
      lastReason: "not on the allowlist",
      firstSeenAt: expect.any(String),
      lastSeenAt: expect.any(String),
    });
    expect(Date.parse(senders[1]!.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(senders[1]!.firstSeenAt));
  });
});

describe("who may use the inbox", () => {
  let recruiter: string;
  let admin: string;

  beforeAll(async () => {
    const person = {
      name: "Inbox Recruiter",
      email: "inbox.recruiter@example.com",
      password: "recruiter-password-1",
      role: "recruiter" as const,
    };
    await createUser(server.url, person);
    [recruiter, admin] = await Promise.all([
      signIn(server.url, person.email, person.password),
      signIn(server.url, ADMIN.email, ADMIN.password),
    ]);
  });

  it("lets a signed-in admin in", async () => {
    expect((await api(server.url, "/api/inbox", { cookie: admin })).status).toBe(200);
    expect((await api(server.url, "/api/rejected-senders", { cookie: admin })).status).toBe(200);
  });

  it("refuses a recruiter with 403 and nobody with 401", async () => {
    const eventId = await deliverUnmatched(unmatchedBody("01-queued"));
    const candidate = await createCandidate(server.url);
    const origin = { origin: server.url };
    const requests = [
      { path: "/api/inbox" },
      { path: "/api/rejected-senders" },
      { path: `/api/inbox/${eventId}/link`, method: "POST", body: { candidateId: candidate.id } },
      { path: `/api/inbox/${eventId}/dismiss`, method: "POST" },
    ];
    for (const { path, ...options } of requests) {
      const asRecruiter = await api(server.url, path, { ...options, cookie: recruiter, headers: origin });
      expect(asRecruiter.status, path).toBe(403);
      expect(asRecruiter.json.error?.code).toBe("forbidden");
      const anonymous = await api(server.url, path, { ...options, headers: origin });
      expect(anonymous.status, path).toBe(401);
    }
    expect((await inbox()).map((delivery) => delivery.id)).toContain(eventId);
  });
});

describe("slot capacity", () => {
  it("never goes below the candidates booked into the slot", async () => {
    const slot = await createSlot(server.url, uniqueInstant(), 3);
    const [first] = await Promise.all([
      createCandidate(server.url, { interviewAt: slot.startsAt }),
      createCandidate(server.url, { interviewAt: slot.startsAt }),
    ]);

    const refused = thrown(() => changeSlotCapacity(db, slot.id, 1));
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 409, code: "capacity_below_bookings", field: "capacity" });
    expect(changeSlotCapacity(db, slot.id, 2)).toMatchObject({ id: slot.id, capacity: 2 });

    // A declined candidate no longer holds the slot.
    await call(`/api/candidates/${first!.id}/status`, { method: "PUT", body: { status: "declined" } });
    expect(changeSlotCapacity(db, slot.id, 1)).toMatchObject({ capacity: 1 });
    const listed = ((await call("/api/slots")).json.slots as Json[]).find((s) => s.id === slot.id);
    expect(listed).toMatchObject({ capacity: 1, booked: 1 });

    expect(thrown(() => changeSlotCapacity(db, 999_999, 1))).toMatchObject({ status: 404, code: "not_found" });
  });
});
