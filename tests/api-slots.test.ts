import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, api, createCandidate, createSlot, startApiServer, uniqueInstant, type Json } from "./support/auth-client";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

let server: TestServer;

beforeAll(async () => {
  server = await startApiServer();
});

afterAll(async () => {
  await server?.stop();
});

const call = (path: string, options: { method?: string; body?: unknown } = {}) =>
  api(server.url, path, { token: API_TOKEN, ...options });
const slots = async () => (await call("/api/slots")).json.slots as Json[];
const slotAt = async (startsAt: string) => (await slots()).find((slot) => slot.startsAt === startsAt);

describe("GET /api/slots", () => {
  it("lists the pool in time order with capacity and how many candidates each slot holds", async () => {
    const { status, json } = await call("/api/slots");
    expect(status).toBe(200);
    const pool = json.slots as Json[];
    expect(pool.length).toBeGreaterThanOrEqual(8);
    for (const slot of pool) {
      expect(slot).toEqual({
        id: expect.any(Number),
        startsAt: expect.any(String),
        capacity: expect.any(Number),
        booked: expect.any(Number),
      });
    }
    const times = pool.map((slot) => Date.parse(slot.startsAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Demo data, placed after the day it was seeded: Rahul Mehta and Arjun Singh share the two places of one slot,
    // Vikram Rao holds one of another's two.
    const interviewOf = async (phone: string) =>
      ((await call(`/api/candidates?q=${encodeURIComponent(phone)}`)).json.candidates as Json[])[0]!.interviewAt;
    const rahul = await interviewOf("+919800000102");
    expect(await interviewOf("+919800000106")).toBe(rahul);
    expect(pool.find((slot) => slot.startsAt === rahul)).toMatchObject({ capacity: 2, booked: 2 });
    const vikram = await interviewOf("+919800000104");
    expect(pool.find((slot) => slot.startsAt === vikram)).toMatchObject({ capacity: 2, booked: 1 });
    expect(times.every((time) => time > Date.now())).toBe(true);
  });

  it("does not count a declined candidate as holding the slot", async () => {
    const slot = await createSlot(server.url, uniqueInstant(), 2);
    const candidate = await createCandidate(server.url, { interviewAt: slot.startsAt });
    expect((await slotAt(slot.startsAt))?.booked).toBe(1);
    await call(`/api/candidates/${candidate.id}/status`, { method: "PUT", body: { status: "declined" } });
    expect((await slotAt(slot.startsAt))?.booked).toBe(0);
  });
});

describe("POST /api/slots", () => {
  it("creates a slot with capacity 1 by default", async () => {
    const startsAt = uniqueInstant();
    const { status, json } = await call("/api/slots", { method: "POST", body: { startsAt } });
    expect(status).toBe(201);
    expect(json.slot).toMatchObject({ id: expect.any(Number), startsAt, capacity: 1, booked: 0 });
    expect(await slotAt(startsAt)).toEqual({ id: json.slot.id, startsAt, capacity: 1, booked: 0 });
  });

  it("creates a slot with an explicit capacity, reading the offset", async () => {
    const { status, json } = await call("/api/slots", {
      method: "POST",
      body: { startsAt: "2027-06-01T15:30:00+05:30", capacity: 4 },
    });
    expect(status).toBe(201);
    expect(json.slot).toMatchObject({ startsAt: "2027-06-01T10:00:00.000Z", capacity: 4, booked: 0 });
  });

  it("refuses a second slot at the same instant, however it is written", async () => {
    const slot = await createSlot(server.url, "2027-06-02T09:00:00Z");
    const again = await call("/api/slots", { method: "POST", body: { startsAt: "2027-06-02T14:30:00+05:30" } });
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("conflict");
    expect((await slots()).filter((s) => s.startsAt === slot.startsAt)).toHaveLength(1);
  });

  it.each([
    ["no offset", { startsAt: "2027-06-03T09:00:00" }, "startsAt"],
    ["not a date", { startsAt: "tomorrow morning" }, "startsAt"],
    ["missing", {}, "startsAt"],
    ["capacity 0", { startsAt: "2027-06-03T09:00:00Z", capacity: 0 }, "capacity"],
    ["a fractional capacity", { startsAt: "2027-06-03T09:00:00Z", capacity: 1.5 }, "capacity"],
  ])("refuses %s with 422 naming the field", async (_label, body, field) => {
    const before = (await slots()).length;
    const { status, json } = await call("/api/slots", { method: "POST", body });
    expect(status).toBe(422);
    expect(json.error).toMatchObject({ code: "validation_failed", field });
    expect(json.error?.message).toContain(field);
    expect(await slots()).toHaveLength(before);
  });
});

describe("DELETE /api/slots/{id}", () => {
  it("deletes a free slot", async () => {
    const slot = await createSlot(server.url);
    const { status, text } = await call(`/api/slots/${slot.id}`, { method: "DELETE" });
    expect(status).toBe(204);
    expect(text).toBe("");
    expect(await slotAt(slot.startsAt)).toBeUndefined();
    expect((await call(`/api/slots/${slot.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("refuses to delete a booked slot", async () => {
    const slot = await createSlot(server.url, uniqueInstant(), 3);
    await createCandidate(server.url, { interviewAt: slot.startsAt });
    const { status, json } = await call(`/api/slots/${slot.id}`, { method: "DELETE" });
    expect(status).toBe(409);
    expect(json.error?.code).toBe("slot_booked");
    expect(await slotAt(slot.startsAt)).toMatchObject({ id: slot.id, booked: 1 });
  });

  it("answers 404 for an id that is no number", async () => {
    const { status, json } = await call("/api/slots/first", { method: "DELETE" });
    expect(status).toBe(404);
    expect(json.error?.code).toBe("not_found");
  });
});

describe("PUT /api/candidates/{id}/slots", () => {
  it("sets the slots the agent may offer, shown on the candidate", async () => {
    const candidate = await createCandidate(server.url);
    const later = await createSlot(server.url, "2027-07-02T10:00:00Z", 2);
    const earlier = await createSlot(server.url, "2027-07-01T10:00:00Z");
    const { status, json } = await call(`/api/candidates/${candidate.id}/slots`, {
      method: "PUT",
      body: { slotIds: [later.id, earlier.id, later.id] },
    });
    expect(status).toBe(200);
    expect(json).toEqual({ candidateId: candidate.id, slotIds: [later.id, earlier.id] });

    const detail = await call(`/api/candidates/${candidate.id}`);
    expect(detail.json.reschedulingSlots).toEqual([
      { id: earlier.id, startsAt: "2027-07-01T10:00:00.000Z", capacity: 1 },
      { id: later.id, startsAt: "2027-07-02T10:00:00.000Z", capacity: 2 },
    ]);

    expect((await call(`/api/candidates/${candidate.id}/slots`, { method: "PUT", body: { slotIds: [] } })).status).toBe(200);
    expect((await call(`/api/candidates/${candidate.id}`)).json.reschedulingSlots).toEqual([]);
  });

  it("refuses an unknown slot id with 422 naming slotIds, and keeps the old choice", async () => {
    const candidate = await createCandidate(server.url);
    const slot = await createSlot(server.url);
    await call(`/api/candidates/${candidate.id}/slots`, { method: "PUT", body: { slotIds: [slot.id] } });
    const { status, json } = await call(`/api/candidates/${candidate.id}/slots`, {
      method: "PUT",
      body: { slotIds: [slot.id, 987654] },
    });
    expect(status).toBe(422);
    expect(json.error).toMatchObject({ code: "validation_failed", field: "slotIds" });
    expect(json.error?.message).toContain("987654");
    expect((await call(`/api/candidates/${candidate.id}`)).json.reschedulingSlots.map((s: Json) => s.id)).toEqual([slot.id]);
  });

  it("answers 404 for a candidate that does not exist", async () => {
    const { status, json } = await call("/api/candidates/999999/slots", { method: "PUT", body: { slotIds: [] } });
    expect(status).toBe(404);
    expect(json.error?.code).toBe("not_found");
  });
});

describe("a reschedule to a full slot", () => {
  it("keeps the interview and flags the requested time for a recruiter", async () => {
    const full = await createSlot(server.url, "2027-08-10T10:00:00Z", 1);
    await createCandidate(server.url, { interviewAt: full.startsAt });
    const candidate = await createCandidate(server.url);

    const body = retarget(loadPayload("10-completed-rescheduled"), crypto.randomUUID(), candidate.phone);
    const extracted = body.extracted_data as Record<string, unknown>;
    // The agent says slots on the candidate's clock: 10:00 UTC is 3:30 PM for a +91 candidate (Asia/Kolkata).
    extracted.final_slot = { date: "2027-08-10", time: "3:30 PM", day_of_week: "Tuesday" };
    const delivered = await postWebhook(server.url, body);
    expect(delivered.status).toBe(200);
    expect(delivered.json.result).toBe("applied");

    const { json } = await call(`/api/candidates/${candidate.id}`);
    expect(json.candidate).toMatchObject({
      status: "rescheduled",
      interviewAt: candidate.interviewAt,
      originalInterviewAt: null,
      requestedInterviewAt: "2027-08-10T10:00:00.000Z",
    });
    expect(json.candidate.statusReason).toMatch(/full/);
    expect(await slotAt(full.startsAt)).toMatchObject({ capacity: 1, booked: 1 });
  });

  it("moves the interview when the chosen slot has room", async () => {
    const open = await createSlot(server.url, "2027-08-11T10:00:00Z", 1);
    const candidate = await createCandidate(server.url);
    const body = retarget(loadPayload("10-completed-rescheduled"), crypto.randomUUID(), candidate.phone);
    (body.extracted_data as Record<string, unknown>).final_slot = { date: "2027-08-11", time: "3:30 PM" };
    expect((await postWebhook(server.url, body)).status).toBe(200);

    const { json } = await call(`/api/candidates/${candidate.id}`);
    expect(json.candidate).toMatchObject({
      status: "rescheduled",
      interviewAt: open.startsAt,
      originalInterviewAt: candidate.interviewAt,
      requestedInterviewAt: null,
    });
    expect(await slotAt(open.startsAt)).toMatchObject({ booked: 1 });
  });
});
