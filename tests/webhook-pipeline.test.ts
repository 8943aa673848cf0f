import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates, interviewSlots, webhookEvents } from "@/db/schema";
import { auditFor, candidateSnapshot, eventsFor, insertCandidate, openTestDatabase } from "./support/database";
import { LIFECYCLE, loadPayload, retarget, type Body } from "./support/payloads";
import { startServer, type TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

let server: TestServer;
let db: Db;

beforeAll(async () => {
  server = await startServer({ WEBHOOK_ALLOW_LOOPBACK: "true", INTERVIEW_TIMEZONE: "Asia/Kolkata" });
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const lifecycle = () => LIFECYCLE.map((name) => loadPayload(name));

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** A fresh candidate and the sample lifecycle re-addressed to it, so every case starts from pending. */
function freshLifecycle() {
  const candidate = insertCandidate(db);
  const executionId = crypto.randomUUID();
  return { candidate, executionId, bodies: lifecycle().map((body) => retarget(body, executionId, candidate.phone)) };
}

async function deliverInOrder(bodies: Body[]) {
  const results = [];
  for (const body of bodies) results.push(await postWebhook(server.url, body));
  return results;
}

describe("the demo data and the sample lifecycle", () => {
  it("turns the demo candidate Asha Verma confirmed through 01 → 05", async () => {
    const results = await deliverInOrder(lifecycle());
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.json.result)).toEqual(["applied", "applied", "applied", "applied", "applied"]);
    expect(results.map((r) => r.json.candidateStatus)).toEqual(["calling", "calling", "calling", "calling", "confirmed"]);

    const asha = db.select().from(candidates).where(eq(candidates.phone, "+919800000101")).get()!;
    expect(asha.status).toBe("confirmed");
    expect(asha.callStatus).toBe("completed");
    const call = db.select().from(calls).where(eq(calls.candidateId, asha.id)).get()!;
    expect(call.executionId).toBe("c2a5e7d4-3f1b-4b8e-9a6d-7e2f1c0b9a11");
    expect(call.outcome).toBe("confirmed");
    expect(call.recordingUrl).toMatch(/^https:\/\/bolna-call-recordings/);
    expect(call.durationSeconds).toBe(75);
    expect(call.conversationSeconds).toBe(73.6);
    expect(call.hangupReason).toBe("Call recipient hungup");
    expect(call.extractedData).toMatchObject({ call_outcome: "ACCEPTED" });
    expect(call.transcript).toContain("user: Yes, that works for me.");

    const audit = auditFor(db, asha.id);
    expect(audit.map((entry) => [entry.fromStatus, entry.toStatus, entry.source])).toEqual([
      ["pending", "calling", "webhook"],
      ["calling", "confirmed", "webhook"],
    ]);
    const events = eventsFor(db, call.executionId);
    expect(events).toHaveLength(5);
    expect(events.every((event) => event.rawBody && event.senderIp === "127.0.0.1")).toBe(true);
  });

  it("moves the demo candidate Arjun Singh to the slot he chose and keeps the original", async () => {
    const before = db.select().from(candidates).where(eq(candidates.phone, "+919800000106")).get()!;
    const { status, json } = await postWebhook(server.url, loadPayload("10-completed-rescheduled"));
    expect(status).toBe(200);
    expect(json.candidateStatus).toBe("rescheduled");
    const arjun = db.select().from(candidates).where(eq(candidates.phone, "+919800000106")).get()!;
    // 2025-12-17 3:00 PM in Arjun's zone, Asia/Kolkata (his phone's).
    expect(arjun.interviewAt.toISOString()).toBe("2025-12-17T09:30:00.000Z");
    expect(arjun.originalInterviewAt).toEqual(before.interviewAt);
    expect(arjun.statusReason).toBe("Asked to move to Wed 17 Dec 2025, 15:00 IST");
    const [entry] = auditFor(db, arjun.id);
    expect(entry?.toInterviewAt?.toISOString()).toBe("2025-12-17T09:30:00.000Z");
  });

  it.each([
    ["06-no-answer", "+919800000102", "no_answer"],
    ["07-busy", "+919800000103", "pending"],
    ["08-failed", "+919800000104", "pending"],
    ["09-completed-declined", "+919800000105", "declined"],
  ])("applies %s to the demo candidate", async (name, phone, expected) => {
    const { status } = await postWebhook(server.url, loadPayload(name));
    expect(status).toBe(200);
    const candidate = db.select().from(candidates).where(eq(candidates.phone, phone)).get()!;
    expect(candidate.status).toBe(expected);
    expect(candidate.statusReason).toBeTruthy();
  });
});

describe("ordering and duplicates", () => {
  it("ends every one of the 120 orderings of the lifecycle in the in-order state", async () => {
    const reference = freshLifecycle();
    await deliverInOrder(reference.bodies);
    const expected = candidateSnapshot(db, reference.candidate.id);
    expect(expected.status).toBe("confirmed");

    for (const order of permutations([0, 1, 2, 3, 4])) {
      const run = freshLifecycle();
      await deliverInOrder(order.map((index) => run.bodies[index]!));
      expect(candidateSnapshot(db, run.candidate.id), `order ${order.join("")}`).toEqual(expected);
      const audit = auditFor(db, run.candidate.id);
      expect(audit.at(-1)?.toStatus).toBe("confirmed");
      // Every audit entry is a real change: no entry repeats the status it came from.
      expect(audit.every((entry) => entry.fromStatus !== entry.toStatus)).toBe(true);
    }
  }, 180_000);

  it("changes state once when the same body arrives 20 times at once", async () => {
    const { candidate, bodies } = freshLifecycle();
    const completed = bodies[4]!;
    const results = await Promise.all(Array.from({ length: 20 }, () => postWebhook(server.url, completed)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.json.result === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.json.result === "duplicate")).toHaveLength(19);
    expect(auditFor(db, candidate.id)).toHaveLength(1);
    const events = eventsFor(db, completed.id);
    expect(events).toHaveLength(20);
    // The body is stored once; duplicates point at it.
    expect(events.filter((event) => event.rawBody !== null)).toHaveLength(1);
  });

  it("never lets a late non-terminal event overwrite the finished call", async () => {
    const { candidate, bodies } = freshLifecycle();
    await postWebhook(server.url, bodies[4]!);
    const late = await postWebhook(server.url, bodies[1]!);
    expect(late.json.result).toBe("stale");
    const snapshot = candidateSnapshot(db, candidate.id);
    expect(snapshot.status).toBe("confirmed");
    expect(snapshot.callStatus).toBe("completed");
    expect(snapshot.calls[0]?.recordingUrl).toMatch(/^https:/);
  });

  it("keeps the newer call's result when an older call's event arrives late", async () => {
    const candidate = insertCandidate(db);
    const older = retarget(loadPayload("09-completed-declined"), crypto.randomUUID(), candidate.phone);
    const newer = retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), candidate.phone);
    older.created_at = "2025-12-09T08:00:00.000000";
    newer.created_at = "2025-12-10T09:30:12.481223";
    await postWebhook(server.url, newer);
    const late = await postWebhook(server.url, older);
    expect(late.status).toBe(200);
    const row = db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()!;
    expect(row.status).toBe("confirmed");
    // The older call is still recorded with its own outcome.
    const olderCall = db.select().from(calls).where(eq(calls.executionId, older.id)).get()!;
    expect(olderCall.outcome).toBe("declined");
  });

  it("does not overwrite a status a person set after the event happened", async () => {
    const { candidate, bodies } = freshLifecycle();
    db.update(candidates)
      .set({ status: "declined", manualStatusAt: new Date(), statusReason: "Recruiter: withdrew by email" })
      .where(eq(candidates.id, candidate.id))
      .run();
    await postWebhook(server.url, bodies[4]!);
    const row = db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()!;
    expect(row.status).toBe("declined");
    expect(row.callStatus).toBe("completed");
  });

  it("flags a reschedule into a full slot instead of double-booking it", async () => {
    const full = new Date("2031-01-06T10:00:00Z");
    db.insert(interviewSlots).values({ startsAt: full, capacity: 1 }).run();
    insertCandidate(db, { interviewAt: full });
    const candidate = insertCandidate(db);
    const body = retarget(loadPayload("10-completed-rescheduled"), crypto.randomUUID(), candidate.phone);
    body.extracted_data = { call_outcome: "RESCHEDULED", final_slot: { date: "2031-01-06", time: "3:30 PM" } };
    await postWebhook(server.url, body);
    const row = db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()!;
    expect(row.status).toBe("rescheduled");
    expect(row.interviewAt.toISOString()).toBe(candidate.interviewAt.toISOString());
    expect(row.requestedInterviewAt?.toISOString()).toBe(full.toISOString());
    expect(row.statusReason).toMatch(/full/);
  });
});

describe("unmatched deliveries", () => {
  it("answers 202 for an unknown execution and phone, and keeps the body for an admin", async () => {
    const body = retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), "+14155550123");
    const { status, json } = await postWebhook(server.url, body);
    expect(status).toBe(202);
    expect(json).toMatchObject({ ok: true, result: "unmatched" });
    const [event] = eventsFor(db, body.id);
    expect(event?.result).toBe("unmatched");
    expect(JSON.parse(event!.rawBody!)).toEqual(body);
  });

  it("matches a national-format phone to the E.164 candidate and creates the mapping", async () => {
    const candidate = insertCandidate(db);
    const national = candidate.phone.replace("+91", "0");
    const body = retarget(loadPayload("02-ringing"), crypto.randomUUID(), national);
    const { status, json } = await postWebhook(server.url, body, { path: "/api/webhook" });
    expect(status).toBe(200);
    expect(json.candidateId).toBe(candidate.id);
    const call = db.select().from(calls).where(eq(calls.executionId, body.id)).get();
    expect(call?.candidateId).toBe(candidate.id);
    // Later events find the candidate through the mapping even without any phone.
    const later = retarget(loadPayload("03-in-progress"), body.id, "");
    const second = await postWebhook(server.url, later);
    expect(second.json.candidateId).toBe(candidate.id);
    expect(db.select().from(webhookEvents).where(eq(webhookEvents.executionId, body.id)).all()).toHaveLength(2);
  });
});
