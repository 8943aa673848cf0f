import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, API_TOKEN, api, createCandidate, htmlText, signIn, startApiServer, uniquePhone } from "./support/auth-client";
import type { TestServer } from "./support/server";

/**
 * One clock (lib/time/): local times that the zone skips or repeats are refused with both readings named, from
 * the API, the CSV import and the slot pool; pages are rendered on the viewer's clock from the first byte (the
 * browser's zone comes in a cookie); headings say which zone their times are in; the export is named on the
 * team's clock. The team here works in New York, so that its days and daylight-saving nights are not UTC's.
 */
const TEAM = "America/New_York";
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", INTERVIEW_TIMEZONE: TEAM });
  cookie = await signIn(server.url, ADMIN.email, ADMIN.password);
});

afterAll(() => server?.stop());

const asToken = { token: API_TOKEN };
const SKIPPED =
  /does not exist in America\/New_York \(the clocks go forward an hour\): it reads as Sun 14 Mar 2027, 01:30 EST or Sun 14 Mar 2027, 03:30 EDT/;
const REPEATED =
  /happens twice in America\/New_York \(the clocks go back an hour\): Sun 7 Nov 2027, 01:30 EDT or, an hour later, Sun 7 Nov 2027, 01:30 EST/;

describe("a local time the zone skips or repeats", () => {
  it("is refused by the API, naming both readings; an offset settles a repeated hour", async () => {
    const base = { name: "Dora Lindqvist", phone: uniquePhone(), timeZone: TEAM };
    const skipped = await api(server.url, "/api/candidates", {
      method: "POST",
      ...asToken,
      body: { ...base, interviewAt: "2027-03-14T02:30:00-05:00" },
    });
    expect(skipped.status).toBe(422);
    expect(skipped.json.error).toMatchObject({
      code: "validation_failed",
      field: "interviewAt",
      message: expect.stringMatching(SKIPPED),
    });

    const second = await api(server.url, "/api/candidates", {
      method: "POST",
      ...asToken,
      body: { ...base, interviewAt: "2027-11-07T01:30:00-05:00" },
    });
    expect(second.status, second.text).toBe(201);
    expect(second.json.candidate.interviewAt).toBe("2027-11-07T06:30:00.000Z");

    const moved = await api(server.url, `/api/candidates/${second.json.candidate.id}`, {
      method: "PATCH",
      ...asToken,
      body: { interviewAt: "2027-03-14T02:30:00-04:00" },
    });
    expect(moved.status).toBe(422);
    expect(moved.json.error?.message).toMatch(SKIPPED);

    const slot = await api(server.url, "/api/slots", {
      method: "POST",
      ...asToken,
      body: { startsAt: "2027-03-14T02:30:00-05:00" },
    });
    expect(slot.status).toBe(422);
    expect(slot.json.error).toMatchObject({ field: "startsAt", message: expect.stringMatching(SKIPPED) });
  });

  it("is refused row by row in a CSV import, naming both readings", async () => {
    const csv = [
      "name,phone,interview_at,time_zone",
      `Skipped Hour,${uniquePhone()},2027-03-14 02:30,${TEAM}`,
      `Repeated Hour,${uniquePhone()},2027-11-07 01:30,${TEAM}`,
      `Plain Hour,${uniquePhone()},2027-11-08 01:30,${TEAM}`,
    ].join("\n");
    const report = await api(server.url, "/api/candidates/import?dryRun=1", {
      method: "POST",
      ...asToken,
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(report.status, report.text).toBe(200);
    expect(report.json).toMatchObject({ valid: 1, invalid: 2 });
    expect(report.json.errors).toEqual([
      { row: 2, field: "interview_at", reason: expect.stringMatching(SKIPPED) },
      { row: 3, field: "interview_at", reason: expect.stringMatching(REPEATED) },
    ]);
  });
});

describe("pages on the viewer's clock", () => {
  const withZone = () => ({ headers: { cookie: `${cookie}; callboard-zone=America%2FLos_Angeles` } });

  it("render times in the browser's zone from the first byte, under headings that name it", async () => {
    const candidate = await createCandidate(server.url, { interviewAt: "2027-01-12T17:00:00Z", timeZone: "Asia/Kolkata" });
    const html = htmlText((await api(server.url, `/candidates/${candidate.id}`, withZone())).text);
    expect(html).toContain('When (<abbr title="America/Los_Angeles">PST</abbr>)');
    // The audit entry's time, in Los Angeles in the HTML itself (not New York's, switched after loading).
    expect(html).toMatch(/<time[^>]*title="America\/Los_Angeles"[^>]*>[^<]* PST<\/time>/);
    expect(html).not.toMatch(/<time[^>]*title="America\/New_York"/);
    // The interview is the candidate's, with the viewer's clock beside it, also in the first HTML.
    expect(html).toContain("Tue 12 Jan 2027, 22:30 IST");
    expect(html).toContain("Tue 12 Jan 2027, 09:00 PST your time");
  });

  it("name the team's zone above the slot pool, where its times are read and shown", async () => {
    const slot = await api(server.url, "/api/slots", { method: "POST", ...asToken, body: { startsAt: "2027-05-01T14:00:00Z" } });
    expect(slot.status).toBe(201);
    const html = htmlText((await api(server.url, "/slots", withZone())).text);
    expect(html).toContain("Sat 1 May 2027, 10:00 EDT");
    expect(html).toContain("Starts (America/New_York, EST)");
    expect(html).toContain("Starts at (America/New_York, EST)");
  });
});

describe("the CSV export", () => {
  it("is named on the team's clock, with the zone in the name", async () => {
    const response = await api(server.url, "/api/candidates/export?interviewFrom=2027-01-12&interviewTo=2027-01-12", asToken);
    expect(response.status).toBe(200);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: TEAM, year: "numeric", month: "2-digit", day: "2-digit" }).format(
      new Date(),
    );
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="callboard-candidates-${day}-\\d{4}-E[SD]T-interviews-2027-01-12\\.csv"$`),
    );
  });
});
