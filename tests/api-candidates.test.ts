import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, statusChanges, webhookEvents } from "@/db/schema";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  signIn,
  startApiServer,
  unique,
  uniqueInstant,
  uniquePhone,
  type Json,
} from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

let server: TestServer;
let db: Db;
let adminCookie: string;

beforeAll(async () => {
  server = await startApiServer({ DEFAULT_COUNTRY: "IN" });
  db = openTestDatabase(server.databasePath);
  adminCookie = await signIn(server.url, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const asToken = { token: API_TOKEN };
const post = (body: unknown, headers?: Record<string, string>) =>
  api(server.url, "/api/candidates", { method: "POST", body, headers, ...asToken });
const getCandidate = (id: number | string) => api(server.url, `/api/candidates/${id}`, asToken);
const list = (query: Record<string, string | number>) =>
  api(
    server.url,
    `/api/candidates?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))}`,
    asToken,
  );
const setStatus = (id: number, body: unknown, auth: { cookie?: string; token?: string } = asToken) =>
  api(server.url, `/api/candidates/${id}/status`, { method: "PUT", body, ...auth });

/** Places a call for the candidate the way Bolna reports one: a ringing webhook addressed to their phone. */
async function ringing(phone: string): Promise<string> {
  const executionId = crypto.randomUUID();
  const { status } = await postWebhook(server.url, retarget(loadPayload("02-ringing"), executionId, phone));
  expect(status).toBe(200);
  return executionId;
}

const CANDIDATE_FIELDS = [
  "id",
  "name",
  "phone",
  "email",
  "position",
  "status",
  "interviewAt",
  "originalInterviewAt",
  "callStatus",
  "lastCallAt",
  "createdAt",
  "updatedAt",
];
const CALL_FIELDS = [
  "executionId",
  "status",
  "outcome",
  "transcript",
  "summary",
  "recordingUrl",
  "durationSeconds",
  "hangupReason",
  "extractedData",
  "createdAt",
  "updatedAt",
];
const STATUS_CHANGE_FIELDS = ["from", "to", "source", "actor", "reason", "at"];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe("POST /api/candidates", () => {
  it("creates a candidate with the contract's shape and the phone in E.164", async () => {
    const interviewAt = "2027-03-01T10:30:00+05:30";
    const { status, json } = await post({
      name: "  Priya Shah ",
      phone: "098765 43210",
      email: "priya@example.com",
      position: "Designer",
      interviewAt,
    });
    expect(status).toBe(201);
    const candidate = json.candidate as Json;
    for (const field of CANDIDATE_FIELDS) expect(candidate, field).toHaveProperty(field);
    expect(candidate).toMatchObject({
      name: "Priya Shah",
      phone: "+919876543210",
      email: "priya@example.com",
      position: "Designer",
      status: "pending",
      interviewAt: "2027-03-01T05:00:00.000Z",
      originalInterviewAt: null,
      callStatus: null,
      lastCallAt: null,
    });
    expect(candidate.id).toEqual(expect.any(Number));
    expect(candidate.createdAt).toMatch(ISO_WITH_OFFSET);
    expect(candidate.updatedAt).toMatch(ISO_WITH_OFFSET);
    expect((await getCandidate(candidate.id)).json.candidate).toEqual(candidate);
  });

  it("normalises an international number written with spaces", async () => {
    const { status, json } = await post({ name: "Sam Lee", phone: "+1 415 555 0132", interviewAt: uniqueInstant() });
    expect(status).toBe(201);
    expect(json.candidate.phone).toBe("+14155550132");
    expect(json.candidate.email).toBeNull();
    expect(json.candidate.position).toBeNull();
  });

  it.each([
    ["a missing name", { name: undefined }, "name"],
    ["a blank name", { name: "   " }, "name"],
    ["a phone that is not a number", { phone: "12345" }, "phone"],
    ["a bad email", { email: "not-an-email" }, "email"],
    ["an interviewAt without offset", { interviewAt: "2027-03-01T10:30:00" }, "interviewAt"],
    ["an interviewAt that is no date", { interviewAt: "next Tuesday" }, "interviewAt"],
    ["an unknown reschedulingSlotIds entry", { reschedulingSlotIds: [987654] }, "reschedulingSlotIds"],
    ["a timeZone that is no IANA zone", { timeZone: "Mars/Olympus_Mons" }, "timeZone"],
    ["an interviewAt in the past", { interviewAt: "2020-01-01T10:00:00Z" }, "interviewAt"],
    ["an interviewAt in the past with allowPast false", { interviewAt: "2020-01-01T10:00:00Z", allowPast: false }, "interviewAt"],
  ])("refuses %s with 422 naming the field", async (_label, change, field) => {
    const phone = uniquePhone();
    const { status, json } = await post({ name: "Valid Name", phone, interviewAt: uniqueInstant(), ...change });
    expect(status).toBe(422);
    expect(json.error?.code).toBe("validation_failed");
    expect(json.error?.field).toBe(field);
    expect(json.error?.message).toContain(field);
    expect((await list({ q: phone })).json.total).toBe(0);
  });

  it("keeps a time zone for every candidate: the one given, else the phone's country's, else an assumed one", async () => {
    const given = await post({ name: "Zoned", phone: uniquePhone(), interviewAt: uniqueInstant(), timeZone: "Europe/Berlin" });
    expect(given.status).toBe(201);
    expect(given.json.candidate).toMatchObject({ timeZone: "Europe/Berlin", timeZoneAssumed: false });
    const fromPhone = await post({ name: "From Phone", phone: uniquePhone(), interviewAt: uniqueInstant() });
    expect(fromPhone.json.candidate).toMatchObject({ timeZone: "Asia/Kolkata", timeZoneAssumed: false });
    // A phone tells the country, not the city: the US keeps several clocks, so no zone is guessed (README, "Time
    // zones"): INTERVIEW_TIMEZONE, said to be assumed, until someone sets it.
    const us = await post({ name: "From Phone", phone: "+1 415 555 0177", interviewAt: uniqueInstant() });
    expect(us.json.candidate).toMatchObject({ timeZone: "UTC", timeZoneAssumed: true });
  });

  it("records a past interview when the client says it means it (allowPast)", async () => {
    const { status, json } = await post({
      name: "Historical",
      phone: uniquePhone(),
      interviewAt: "2020-01-01T10:00:00Z",
      allowPast: true,
    });
    expect(status).toBe(201);
    expect(json.candidate.interviewAt).toBe("2020-01-01T10:00:00.000Z");
    const call = await api(server.url, `/api/candidates/${json.candidate.id}/call`, { method: "POST", token: API_TOKEN });
    expect(call.status).toBe(409);
    expect(call.json.error?.code).toBe("interview_passed");
  });

  it("treats an empty email as no email, as it does an empty position", async () => {
    const { status, json } = await post({
      name: "Blank Fields",
      phone: uniquePhone(),
      email: "",
      position: "",
      interviewAt: uniqueInstant(),
    });
    expect(json.error).toBeUndefined();
    expect(status).toBe(201);
    expect(json.candidate).toMatchObject({ email: null, position: null });
  });

  it("refuses a body over 256 KiB with 413", async () => {
    const { status, json } = await post({ name: "x".repeat(300 * 1024), phone: uniquePhone(), interviewAt: uniqueInstant() });
    expect(status).toBe(413);
    expect(json.error?.code).toBe("payload_too_large");
  });

  it("refuses broken JSON with 400 and another content type with 415", async () => {
    const broken = await post('{"name": "Half', { "content-type": "application/json" });
    expect(broken.status).toBe(400);
    expect(broken.json.error?.code).toBe("invalid_json");

    const form = await post("name=Someone&phone=9876543211", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    expect(form.json.error?.code).toBe("unsupported_media_type");
  });

  it("refuses a phone that another candidate has, however it is written", async () => {
    const phone = uniquePhone(); // +9191…
    await createCandidate(server.url, { phone });
    const national = `0${phone.slice(3, 8)} ${phone.slice(8)}`;
    for (const written of [phone, national, `+91-${phone.slice(3)}`]) {
      const { status, json } = await post({ name: "Twin", phone: written, interviewAt: uniqueInstant() });
      expect(status, written).toBe(409);
      expect(json.error?.code).toBe("conflict");
    }
    expect((await list({ q: phone.slice(3) })).json.total).toBe(1);
  });
});

describe("GET /api/candidates", () => {
  const tag = `Zephyrine${crypto.randomBytes(3).toString("hex")}`;
  let tagged: Json[];

  beforeAll(async () => {
    tagged = [];
    for (const letter of ["A", "B", "C"]) {
      tagged.push(
        await createCandidate(server.url, {
          name: `${tag} ${letter}`,
          email: `${tag.toLowerCase()}.${letter.toLowerCase()}@example.org`,
        }),
      );
    }
  });

  it("lists with a total", async () => {
    const { status, json } = await list({});
    expect(status).toBe(200);
    expect(json.total).toBeGreaterThanOrEqual(8 + 3);
    expect(json.candidates.length).toBe(Math.min(json.total, 25));
    for (const field of CANDIDATE_FIELDS) expect(json.candidates[0]).toHaveProperty(field);
  });

  it("searches by name, by email and by phone digits", async () => {
    const byName = await list({ q: tag.toLowerCase() });
    expect(byName.json.total).toBe(3);
    expect(byName.json.candidates.map((c: Json) => c.id).sort()).toEqual(tagged.map((c) => c.id).sort());

    const byEmail = await list({ q: `${tag.toLowerCase()}.b@example.org` });
    expect(byEmail.json.candidates.map((c: Json) => c.id)).toEqual([tagged[1]!.id]);

    const digits = (tagged[2]!.phone as string).slice(-8);
    const byPhone = await list({ q: `${digits.slice(0, 4)} ${digits.slice(4)}` });
    expect(byPhone.json.candidates.map((c: Json) => c.id)).toEqual([tagged[2]!.id]);
  });

  it("finds the candidate of a call by its execution id", async () => {
    const candidate = await createCandidate(server.url);
    const executionId = await ringing(candidate.phone);
    const { json } = await list({ q: executionId });
    expect(json.total).toBe(1);
    expect(json.candidates[0].id).toBe(candidate.id);
    expect(json.candidates[0].callStatus).toBe("ringing");
  });

  it("filters by status", async () => {
    const candidate = await createCandidate(server.url, { name: `${tag} D` });
    expect((await setStatus(candidate.id, { status: "no_answer" })).status).toBe(200);
    const { json } = await list({ status: "no_answer", q: tag });
    expect(json.candidates.map((c: Json) => c.id)).toEqual([candidate.id]);
    const pending = await list({ status: "pending", q: tag });
    expect(pending.json.total).toBe(3);
    expect(pending.json.candidates.every((c: Json) => c.status === "pending")).toBe(true);
  });

  it("pages through the matches", async () => {
    const first = await list({ q: tag, status: "pending", pageSize: 2, page: 1 });
    const second = await list({ q: tag, status: "pending", pageSize: 2, page: 2 });
    const third = await list({ q: tag, status: "pending", pageSize: 2, page: 3 });
    expect([first.json.total, second.json.total, third.json.total]).toEqual([3, 3, 3]);
    expect(first.json.candidates).toHaveLength(2);
    expect(second.json.candidates).toHaveLength(1);
    expect(third.json.candidates).toHaveLength(0);
    const ids = [...first.json.candidates, ...second.json.candidates].map((c: Json) => c.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe("GET /api/candidates/{id}", () => {
  it("returns the candidate with its calls and history", async () => {
    const candidate = await createCandidate(server.url);
    const executionId = await ringing(candidate.phone);
    const { status, json } = await getCandidate(candidate.id);
    expect(status).toBe(200);
    expect(json.candidate.id).toBe(candidate.id);
    expect(json.candidate.status).toBe("calling");
    expect(json.calls).toHaveLength(1);
    for (const field of CALL_FIELDS) expect(json.calls[0], field).toHaveProperty(field);
    expect(json.calls[0]).toMatchObject({ executionId, status: "ringing" });
    expect(json.history.map((change: Json) => [change.from, change.to, change.source])).toEqual([
      [null, "pending", "manual"],
      ["pending", "calling", "webhook"],
    ]);
    for (const field of STATUS_CHANGE_FIELDS) expect(json.history[1], field).toHaveProperty(field);
    expect(json.history[0].actor).toBe("api-token");
    expect(json.history[1].actor).toBe("bolna");
  });

  it.each(["999999", "abc", "1.5", "-1", "0"])("answers 404 not_found for the id %s", async (id) => {
    const { status, json } = await getCandidate(id);
    expect(status).toBe(404);
    expect(json.error?.code).toBe("not_found");
  });

  it("answers 404 for a non-canonical spelling of an existing id", async () => {
    expect((await getCandidate("1")).status).toBe(200);
    const { status } = await getCandidate("0x1");
    expect(status).toBe(404);
  });
});

describe("PUT /api/candidates/{id}/status", () => {
  it("lets an admin set the status, audited under their email with the reason", async () => {
    const candidate = await createCandidate(server.url);
    const { status, json } = await setStatus(
      candidate.id,
      { status: "confirmed", reason: "Confirmed by email" },
      { cookie: adminCookie },
    );
    expect(status).toBe(200);
    expect(json.candidate).toMatchObject({ id: candidate.id, status: "confirmed" });
    const history = (await getCandidate(candidate.id)).json.history as Json[];
    expect(history.at(-1)).toMatchObject({
      from: "pending",
      to: "confirmed",
      source: "manual",
      actor: ADMIN.email,
      reason: "Confirmed by email",
    });
  });

  it("audits the API token as api-token, on the singular path too", async () => {
    const candidate = await createCandidate(server.url);
    const { status } = await api(server.url, `/api/candidate/${candidate.id}/status`, {
      method: "PUT",
      token: API_TOKEN,
      body: { status: "declined", reason: "Took another offer" },
    });
    expect(status).toBe(200);
    const history = (await getCandidate(candidate.id)).json.history as Json[];
    expect(history.at(-1)).toMatchObject({ to: "declined", actor: "api-token", reason: "Took another offer" });
  });

  it("keeps the manual status when an older event of the call arrives later", async () => {
    const candidate = await createCandidate(server.url);
    const executionId = await ringing(candidate.phone);
    expect((await setStatus(candidate.id, { status: "declined", reason: "Phoned us" }, { cookie: adminCookie })).status).toBe(
      200,
    );

    // The sample call happened in December 2025, before the manual decision.
    const late = await postWebhook(server.url, retarget(loadPayload("05-completed-confirmed"), executionId, candidate.phone));
    expect(late.status).toBe(200);
    const { json } = await getCandidate(candidate.id);
    expect(json.candidate.status).toBe("declined");
    expect(json.candidate.callStatus).toBe("completed");
    expect(json.history.at(-1)).toMatchObject({ to: "declined", source: "manual" });
  });

  it("refuses an unknown status with 422", async () => {
    const candidate = await createCandidate(server.url);
    const { status, json } = await setStatus(candidate.id, { status: "hired" });
    expect(status).toBe(422);
    expect(json.error).toMatchObject({ code: "validation_failed", field: "status" });
    expect((await getCandidate(candidate.id)).json.candidate.status).toBe("pending");
  });

  it("answers 404 for a candidate that does not exist", async () => {
    const { status, json } = await setStatus(999_999, { status: "confirmed" });
    expect(status).toBe(404);
    expect(json.error?.code).toBe("not_found");
  });
});

describe("resets", () => {
  it("restores the original interview of a rescheduled candidate", async () => {
    const arjun = (await list({ q: "+919800000106" })).json.candidates[0] as Json;
    expect(arjun.name).toBe("Arjun Singh");
    const original = arjun.interviewAt as string;

    const delivered = await postWebhook(server.url, loadPayload("10-completed-rescheduled"));
    expect(delivered.status).toBe(200);
    const moved = (await getCandidate(arjun.id)).json.candidate as Json;
    expect(moved.status).toBe("rescheduled");
    // final_slot 2025-12-17 3:00 PM, read in Arjun's zone (Asia/Kolkata, from his +91 phone), not INTERVIEW_TIMEZONE=UTC.
    expect(moved.interviewAt).toBe("2025-12-17T09:30:00.000Z");
    expect(moved.originalInterviewAt).toBe(original);

    const reset = await api(server.url, `/api/candidates/${arjun.id}/reset`, { method: "POST", cookie: adminCookie });
    expect(reset.status).toBe(200);
    expect(reset.json.candidate).toMatchObject({ status: "pending", interviewAt: original, originalInterviewAt: null });
    const { json } = await getCandidate(arjun.id);
    expect(json.candidate).toMatchObject({ status: "pending", interviewAt: original, originalInterviewAt: null });
    expect(json.history.at(-1)).toMatchObject({ from: "rescheduled", to: "pending", source: "manual", actor: ADMIN.email });
    expect(json.history.at(-1).fromInterviewAt).toBe("2025-12-17T09:30:00.000Z");
    expect(json.history.at(-1).toInterviewAt).toBe(original);
  });

  it("resets everyone and says how many it changed", async () => {
    const a = await createCandidate(server.url);
    const b = await createCandidate(server.url);
    await setStatus(a.id, { status: "confirmed" });
    await setStatus(b.id, { status: "no_answer" });
    const { status, json } = await api(server.url, "/api/candidates/reset-all", {
      method: "POST",
      token: API_TOKEN,
      body: { reason: "New round" },
    });
    expect(status).toBe(200);
    expect(json.reset).toEqual(expect.any(Number));
    expect(json.reset).toBeGreaterThanOrEqual(2);

    const all = await list({ pageSize: 200 });
    expect(all.json.candidates.length).toBe(all.json.total);
    expect(all.json.candidates.filter((c: Json) => c.status !== "pending" || c.originalInterviewAt !== null)).toEqual([]);
    expect((await getCandidate(a.id)).json.history.at(-1)).toMatchObject({
      from: "confirmed",
      to: "pending",
      reason: "New round",
    });

    const again = await api(server.url, "/api/candidates/reset-all", { method: "POST", token: API_TOKEN });
    expect(again.status).toBe(200);
    expect(again.json.reset).toBe(0);
  });
});

describe("DELETE /api/candidates/{id}", () => {
  it("removes the candidate with its calls and webhook events, and keeps an audit entry", async () => {
    const name = `Deletable ${unique()}`;
    const candidate = await createCandidate(server.url, { name });
    const executionId = await ringing(candidate.phone);
    const callRow = db.select().from(calls).where(eq(calls.executionId, executionId)).get();
    expect(callRow?.candidateId).toBe(candidate.id);
    expect(db.select().from(webhookEvents).where(eq(webhookEvents.executionId, executionId)).all()).toHaveLength(1);

    const deleted = await api(server.url, `/api/candidates/${candidate.id}?reason=Asked%20to%20be%20forgotten`, {
      method: "DELETE",
      cookie: adminCookie,
    });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await getCandidate(candidate.id)).status).toBe(404);

    expect(db.select().from(calls).where(eq(calls.executionId, executionId)).all()).toEqual([]);
    expect(db.select().from(webhookEvents).where(eq(webhookEvents.executionId, executionId)).all()).toEqual([]);
    const trail = db.select().from(statusChanges).where(eq(statusChanges.candidateName, name)).all();
    expect(trail.at(-1)).toMatchObject({
      toStatus: null,
      fromStatus: "calling",
      actor: ADMIN.email,
      reason: "Asked to be forgotten",
    });

    const audit = await api(server.url, "/api/audit", { cookie: adminCookie });
    expect(audit.json.entries[0]).toMatchObject({
      candidateName: name,
      to: null,
      actor: ADMIN.email,
      reason: "Asked to be forgotten",
    });

    const again = await api(server.url, `/api/candidates/${candidate.id}`, { method: "DELETE", token: API_TOKEN });
    expect(again.status).toBe(404);
  });
});

describe("GET /api/audit", () => {
  it("lists the trail newest first with actor and reason", async () => {
    const candidate = await createCandidate(server.url);
    await setStatus(candidate.id, { status: "confirmed", reason: "first" }, { cookie: adminCookie });
    await setStatus(candidate.id, { status: "declined", reason: "second" });
    const { status, json } = await api(server.url, "/api/audit", { cookie: adminCookie });
    expect(status).toBe(200);
    expect(json.total).toBeGreaterThanOrEqual(3);
    const [newest, older, created] = json.entries as Json[];
    expect(newest).toMatchObject({
      candidateId: candidate.id,
      from: "confirmed",
      to: "declined",
      actor: "api-token",
      reason: "second",
    });
    expect(older).toMatchObject({
      candidateId: candidate.id,
      from: "pending",
      to: "confirmed",
      actor: ADMIN.email,
      reason: "first",
    });
    expect(created).toMatchObject({ candidateId: candidate.id, from: null, to: "pending", reason: "Candidate added" });
    const ids = (json.entries as Json[]).map((entry) => entry.id as number);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    const times = (json.entries as Json[]).map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("filters by candidate and pages", async () => {
    const candidate = await createCandidate(server.url);
    await setStatus(candidate.id, { status: "confirmed" });
    const { json } = await api(server.url, `/api/audit?candidateId=${candidate.id}&pageSize=1`, asToken);
    expect(json.total).toBe(2);
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0].to).toBe("confirmed");
  });
});
