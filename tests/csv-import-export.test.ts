import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_TOKEN, api, createSlot, startApiServer, type Json } from "./support/auth-client";
import type { TestServer } from "./support/server";

let server: TestServer;

beforeAll(async () => {
  server = await startApiServer({ INTERVIEW_TIMEZONE: "Asia/Kolkata", DEFAULT_COUNTRY: "IN", SEED_DEMO: "false" });
});

afterAll(async () => {
  await server?.stop();
});

const asToken = { token: API_TOKEN };
const importCsv = (csv: string, dryRun: boolean, contentType = "text/csv") =>
  api(server.url, `/api/candidates/import${dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    body: csv,
    headers: { "content-type": contentType },
    ...asToken,
  });
const exportCsv = (query: Record<string, string>) =>
  fetch(`${server.url}/api/candidates/export?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${API_TOKEN}` },
  });
const search = async (q: string) =>
  (await api(server.url, `/api/candidates?${new URLSearchParams({ q, pageSize: "200" })}`, asToken)).json;

describe("POST /api/candidates/import", () => {
  it("reports every bad row (row, field, reason) on a dry run, then imports only the good rows", async () => {
    const slot = await createSlot(server.url, "2027-05-03T15:00:00+05:30");
    const existing = await api(server.url, "/api/candidates", {
      method: "POST",
      body: { name: "Already Here", phone: "+919955500001", interviewAt: "2027-05-01T10:00:00+05:30" },
      ...asToken,
    });
    expect(existing.status).toBe(201);
    const csv = [
      "Name,Phone,Email,Position,Interview_At,Rescheduling_Slots,Applied_At,notes",
      `Csv Good One,0995550 0002,one@example.com,Engineer,2027-05-01 11:00,${slot.id},2027-04-01,ignored`,
      `"Csv Good, Two",+91 99555 00003,,Designer,2027-05-02T09:30:00+05:30,2027-05-03 15:00,,`,
      "Csv Bad Phone,12345,,,2027-05-01 12:00,,,",
      "Csv Duplicate In File,+919955500002,,,2027-05-01 13:00,,,",
      "Csv Duplicate In Db,+919955500001,,,2027-05-01 14:00,,,",
      "Csv Bad Date,+919955500004,,,next Tuesday,,,",
      "Csv Unknown Slot,+919955500005,,,2027-05-01 16:00,999999;2027-01-01 09:00,,",
      "",
      ",+919955500006,not-an-email,,2027-05-01 17:00,,someday,",
    ].join("\n");

    const preview = await importCsv(csv, true);
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ dryRun: true, total: 8, valid: 2, invalid: 6, imported: 0 });
    const errors = preview.json.errors as Json[];
    const reasonsOf = (row: number) =>
      errors.filter((error) => error.row === row).map((error) => `${error.field}: ${error.reason}`);
    expect(reasonsOf(2)).toEqual([]);
    expect(reasonsOf(3)).toEqual([]);
    expect(reasonsOf(4)).toEqual([expect.stringMatching(/^phone: "12345" is not a valid phone number/)]);
    expect(reasonsOf(5)).toEqual([expect.stringMatching(/^phone: duplicate of row 2 in this file/)]);
    expect(reasonsOf(6)).toEqual([expect.stringMatching(/^phone: a candidate with \+919955500001 already exists/)]);
    expect(reasonsOf(7)).toEqual([expect.stringMatching(/^interview_at: "next Tuesday" is not a date/)]);
    expect(reasonsOf(8)).toEqual([
      expect.stringMatching(/^rescheduling_slots: "999999" is not an interview slot/),
      expect.stringMatching(/^rescheduling_slots: "2027-01-01 09:00" is not an interview slot/),
    ]);
    // Row 9 is blank: skipped, but counted so that row numbers match the file's lines.
    expect(reasonsOf(10)).toEqual([
      "name: is required",
      expect.stringMatching(/^email: /),
      expect.stringMatching(/^applied_at: /),
    ]);
    expect(preview.json.rows[0]).toMatchObject({
      row: 2,
      ok: true,
      name: "Csv Good One",
      phone: "+919955500002",
      interviewAt: "2027-05-01T05:30:00.000Z",
    });
    expect((await search("Csv ")).total).toBe(0);

    const done = await importCsv(csv, false);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ dryRun: false, total: 8, valid: 2, invalid: 6, imported: 2 });
    const imported = (await search("Csv ")).candidates as Json[];
    expect(imported.map((candidate) => candidate.name).sort()).toEqual(["Csv Good One", "Csv Good, Two"]);
    const one = imported.find((candidate) => candidate.name === "Csv Good One")!;
    expect(one).toMatchObject({
      phone: "+919955500002",
      email: "one@example.com",
      position: "Engineer",
      status: "pending",
      interviewAt: "2027-05-01T05:30:00.000Z",
      appliedAt: "2027-03-31T18:30:00.000Z",
    });
    const detail = (await api(server.url, `/api/candidates/${one.id}`, asToken)).json;
    expect(detail.reschedulingSlots.map((s: Json) => s.id)).toEqual([slot.id]);
    expect(detail.history[0]).toMatchObject({ source: "manual", actor: "api-token", reason: "Imported from CSV (row 2)" });
    const two = imported.find((candidate) => candidate.name === "Csv Good, Two")!;
    expect((await api(server.url, `/api/candidates/${two.id}`, asToken)).json.reschedulingSlots.map((s: Json) => s.id)).toEqual([
      slot.id,
    ]);

    // Importing the same file again: every row is now a duplicate or bad, and nothing is written.
    const again = await importCsv(csv, false);
    expect(again.json).toMatchObject({ valid: 0, imported: 0 });
  });

  it("reads each row in its time zone, and imports a past interview only when allow_past says yes", async () => {
    const csv = [
      "name,phone,interview_at,time_zone,allow_past",
      "Zone New York,+919955540001,2027-03-01 10:00,America/New_York,",
      "Zone From Phone,+919955540002,2027-03-01 10:00,,",
      "Zone Bad,+919955540003,2027-03-01 10:00,Mars/Olympus,",
      "Past Refused,+919955540004,2020-01-01 10:00,,",
      "Past Meant,+919955540005,2020-01-01 10:00,,yes",
      "Past Unclear,+919955540006,2020-01-01 10:00,,perhaps",
    ].join("\n");
    const report = await importCsv(csv, true);
    expect(report.json).toMatchObject({ total: 6, valid: 3 });
    const rows = report.json.rows as Json[];
    expect(rows[0]).toMatchObject({ ok: true, interviewAt: "2027-03-01T15:00:00.000Z", timeZone: "America/New_York" });
    expect(rows[1]).toMatchObject({ ok: true, interviewAt: "2027-03-01T04:30:00.000Z", timeZone: "Asia/Kolkata" });
    expect(rows[2]).toMatchObject({
      ok: false,
      errors: [{ field: "time_zone", reason: expect.stringContaining("not a time zone") }],
    });
    expect(rows[3]).toMatchObject({
      ok: false,
      errors: [{ field: "interview_at", reason: expect.stringContaining("allow_past") }],
    });
    expect(rows[4]).toMatchObject({ ok: true, interviewAt: "2020-01-01T04:30:00.000Z" });
    expect(rows[5]).toMatchObject({ ok: false, errors: [{ field: "allow_past", reason: '"perhaps" is not yes or no' }] });

    expect((await importCsv(csv, false)).json).toMatchObject({ imported: 3 });
    const imported = (await search("Zone New York")).candidates as Json[];
    expect(imported[0]).toMatchObject({ timeZone: "America/New_York", interviewAt: "2027-03-01T15:00:00.000Z" });
  });

  it("refuses an overbooked slot within the file", async () => {
    await createSlot(server.url, "2027-06-01T10:00:00+05:30", 1);
    const csv = [
      "name,phone,interview_at",
      "Slot A,+919955510001,2027-06-01 10:00",
      "Slot B,+919955510002,2027-06-01T10:00:00+05:30",
    ].join("\r\n");
    const report = await importCsv(csv, true);
    expect(report.json.errors).toEqual([
      { row: 3, field: "interview_at", reason: "that interview slot is already fully booked" },
    ]);
  });

  it("refuses what is not a usable CSV", async () => {
    expect((await importCsv("name,phone\nA,1", true, "application/json")).status).toBe(415);
    const missing = await importCsv("name,phone\nA,+919955520001", true);
    expect(missing.status).toBe(422);
    expect(missing.json.error).toMatchObject({
      code: "invalid_csv",
      message: expect.stringMatching(/Missing column: interview_at/),
    });
    expect((await importCsv("", true)).json.error?.code).toBe("invalid_csv");
    expect(
      (
        await api(server.url, "/api/candidates/import?dryRun=1", {
          method: "POST",
          body: "name,phone,interview_at\n",
          headers: { "content-type": "text/csv" },
        })
      ).status,
    ).toBe(401);
  });
});

describe("GET /api/candidates/export", () => {
  it("exports the board's filters as CSV that round-trips through import", async () => {
    const slotA = await createSlot(server.url, "2027-07-01T10:00:00+05:30", 3);
    const slotB = await createSlot(server.url, "2027-07-02T16:30:00+05:30", 3);
    const people = [
      {
        name: "Roundtrip Asha",
        phone: "+919955530001",
        email: "asha@example.com",
        position: "=SUM(A1)",
        interviewAt: "2027-07-01T10:00:00+05:30",
        reschedulingSlotIds: [slotB.id],
      },
      {
        name: "Roundtrip Ravi",
        phone: "+919955530002",
        interviewAt: "2027-07-03T09:00:00+05:30",
        reschedulingSlotIds: [slotA.id, slotB.id],
        language: "hi",
      },
      {
        name: "Roundtrip Meena",
        phone: "+919955530003",
        position: "Tester",
        interviewAt: "2027-07-04T12:15:00Z",
        appliedAt: "2027-06-01T00:00:00+05:30",
      },
    ];
    for (const person of people)
      expect((await api(server.url, "/api/candidates", { method: "POST", body: person, ...asToken })).status).toBe(201);
    const before = (await search("Roundtrip")).candidates as Json[];
    const declined = before.find((candidate) => candidate.name === "Roundtrip Meena")!;
    await api(server.url, `/api/candidates/${declined.id}/status`, { method: "PUT", body: { status: "declined" }, ...asToken });
    const ravi = before.find((candidate) => candidate.name === "Roundtrip Ravi")!;
    const stop = await api(server.url, `/api/candidates/${ravi.id}/do-not-call`, {
      method: "PUT",
      body: { doNotCall: true, reason: "=asked by e-mail" },
      ...asToken,
    });
    expect(stop.status, stop.text).toBe(200);

    const response = await exportCsv({ q: "Roundtrip" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="callboard-candidates-.*\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so that spreadsheet programs read the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "name,phone,email,position,interview_at,rescheduling_slots,applied_at,time_zone,allow_past,language,status,last_outcome,call_status,original_interview_at,last_call_at,do_not_call,do_not_call_reason",
    );
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      name: "Roundtrip Asha",
      phone: "+919955530001",
      email: "asha@example.com",
      // A cell a spreadsheet would run as a formula is written with a leading apostrophe (and read back without).
      position: "'=SUM(A1)",
      interview_at: "2027-07-01T10:00:00+05:30",
      rescheduling_slots: "2027-07-02T16:30:00+05:30",
      time_zone: "Asia/Kolkata",
      allow_past: "",
      language: "en",
      status: "pending",
      last_outcome: "",
      do_not_call: "",
    });
    expect(rows[1]).toMatchObject({
      name: "Roundtrip Ravi",
      rescheduling_slots: "2027-07-01T10:00:00+05:30;2027-07-02T16:30:00+05:30",
      language: "hi",
      do_not_call: "yes",
      do_not_call_reason: "'=asked by e-mail",
    });
    expect(rows[2]).toMatchObject({
      name: "Roundtrip Meena",
      interview_at: "2027-07-04T17:45:00+05:30",
      applied_at: "2027-06-01T00:00:00+05:30",
      status: "declined",
    });

    const declinedOnly = await (await exportCsv({ q: "Roundtrip", status: "declined" })).text();
    expect(declinedOnly.split("\r\n").slice(1)).toEqual([expect.stringMatching(/^Roundtrip Meena,/)]);

    const dryRun = await importCsv(csv, true);
    expect(dryRun.json).toMatchObject({ total: 3, valid: 0, invalid: 3 });
    for (const error of dryRun.json.errors as Json[])
      expect(error).toMatchObject({ field: "phone", reason: expect.stringMatching(/already exists/) });

    for (const candidate of before)
      expect((await api(server.url, `/api/candidates/${candidate.id}`, { method: "DELETE", ...asToken })).status).toBe(204);
    expect((await search("Roundtrip")).total).toBe(0);
    const restored = await importCsv(csv, false);
    expect(restored.json).toMatchObject({ total: 3, valid: 3, imported: 3 });

    const after = (await search("Roundtrip")).candidates as Json[];
    const pick = (candidate: Json) => ({
      name: candidate.name,
      phone: candidate.phone,
      email: candidate.email,
      position: candidate.position,
      interviewAt: candidate.interviewAt,
      appliedAt: candidate.appliedAt,
      language: candidate.language,
    });
    const byName = (a: Json, b: Json) => String(a.name).localeCompare(String(b.name));
    expect(after.map(pick).sort(byName)).toEqual(before.map(pick).sort(byName));
    for (const candidate of after) {
      const detail = (await api(server.url, `/api/candidates/${candidate.id}`, asToken)).json;
      const allowed = (detail.reschedulingSlots as Json[]).map((slot) => slot.id as number).sort();
      expect(allowed).toEqual(
        people
          .find((person) => person.name === candidate.name)!
          .reschedulingSlotIds?.slice()
          .sort() ?? [],
      );
    }
  });
});
