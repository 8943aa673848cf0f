import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { candidates, reviewItems, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { markAttendance } from "@/lib/attendance/mark-attendance";
import { applyExecution } from "@/lib/calls/apply-execution";
import { overrideStatus, resetCandidate } from "@/lib/candidates/manual-status";
import { correctReview } from "@/lib/review/resolve-review";
import { insertCandidate } from "@/tests/support/database";
import {
  callBody,
  CONFIRMING_TURNS,
  DECLINING_TURNS,
  RELATIVE_TURNS,
  RESCHEDULING_TURNS,
  REJECTED,
  rescheduledTo,
  VOICEMAIL_TURNS,
  type CallSpec,
} from "@/tests/support/insight-calls";
import { deliveryOf } from "@/tests/support/lifecycle";
import { analyticsCsvStream } from "./analytics-csv";
import { analyticsQuery } from "./analytics-query";
import { foldAnalytics } from "./fold-analytics";
import { readAnalytics } from "./read-analytics";
import { readPeriodSums } from "./read-rollups";
import { TeamDays } from "./team-days";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// Every figure of the analytics against a data set small enough to count by hand, written by the real pipeline
// (webhook deliveries, reviews, attendance marks, a manual override) on a real SQLite file, over several
// periods, after the fold has counted them. Times are written in UTC; the team's days are Kolkata's (UTC+5:30),
// and so are the candidates' (Indian phones) unless a zone is set.

const ZONE = "Asia/Kolkata";
const CONFIG = { timezone: ZONE, defaultCountry: "IN", reviewBelow: 0.7 };
const recruiter: Actor = { kind: "user", id: "u-rita", label: "rita@example.com", role: "recruiter" };
const admin: Actor = { kind: "user", id: "u-ada", label: "ada@example.com", role: "admin" };
const at = (iso: string) => new Date(iso);

let db: Db;
let temp: TempDatabase;
const c: Record<string, Candidate> = {};

function call(candidate: Candidate, spec: Omit<CallSpec, "phone">) {
  const body = callBody({ ...spec, phone: candidate.phone });
  return applyExecution(db, deliveryOf(body, spec.at), CONFIG);
}

function openReviewOf(candidate: Candidate) {
  return db
    .select()
    .from(reviewItems)
    .where(eq(reviewItems.candidateId, candidate.id))
    .all()
    .find((item) => item.state === "open")!;
}

const query = (params: Record<string, string>, now = at("2026-04-01T00:00:00Z")) => analyticsQuery(ZONE, now).parse(params);
const report = (params: Record<string, string>, zone = ZONE) =>
  readAnalytics(db, analyticsQuery(zone, at("2026-04-01T00:00:00Z")).parse(params), zone);

async function csvOf(params: Record<string, string>): Promise<string> {
  await foldAnalytics(db, ZONE);
  return new Response(analyticsCsvStream(await report(params))).text();
}

beforeAll(async () => {
  temp = tempDatabase("analytics");
  db = temp.db;
  const candidate = (key: string, position: string, interviewAt: string, extra: Partial<Candidate> = {}) => {
    c[key] = insertCandidate(db, { name: key, position, interviewAt: at(interviewAt), ...extra });
  };
  candidate("c1", "Backend", "2026-03-05T06:00:00Z");
  candidate("c2", "Backend", "2026-03-05T06:00:00Z");
  candidate("c3", "Design", "2026-03-05T06:00:00Z");
  candidate("c4", "Design", "2026-03-12T06:00:00Z");
  candidate("c5", "Backend", "2026-04-15T06:00:00Z");
  candidate("c6", "Backend", "2026-03-25T06:00:00Z", { timeZone: "Europe/London" });
  candidate("c7", "Design", "2026-03-05T06:00:00Z");
  candidate("c8", "Backend", "2026-03-05T06:00:00Z");
  candidate("c9", "Design", "2026-04-15T06:00:00Z");

  // c1: no answer, then confirmed the next day; attended.
  call(c.c1!, { status: "no-answer", at: at("2026-03-02T04:00:00Z"), cost: 0.2 });
  call(c.c1!, { at: at("2026-03-03T05:00:00Z"), cost: 6.8, turns: CONFIRMING_TURNS });
  markAttendance(db, c.c1!.id, { attendance: "attended", reason: null }, recruiter, at("2026-03-05T08:00:00Z"));
  // c2: declined.
  call(c.c2!, { at: at("2026-03-02T04:30:00Z"), cost: 3, turns: DECLINING_TURNS, extraction: REJECTED });
  // c3: rescheduled to 6 March, 3 PM in Kolkata (09:30 UTC); did not come.
  call(c.c3!, {
    at: at("2026-03-02T08:00:00Z"),
    cost: 4,
    turns: RESCHEDULING_TURNS,
    extraction: rescheduledTo("2026-03-06", "3:00 PM"),
  });
  markAttendance(db, c.c3!.id, { attendance: "no_show", reason: "Did not join" }, recruiter, at("2026-03-06T12:00:00Z"));
  // c4: busy, then a relative answered a week later ("call again"); the reviewer confirmed with him and set it.
  call(c.c4!, { status: "busy", at: at("2026-03-03T09:00:00Z"), cost: 0.5 });
  call(c.c4!, { at: at("2026-03-10T10:00:00Z"), cost: 3, turns: RELATIVE_TURNS });
  correctReview(
    db,
    openReviewOf(c.c4!).id,
    { status: "confirmed", reason: "Rang him back myself: he is coming", interviewAt: null },
    recruiter,
    at("2026-03-10T12:00:00Z"),
  );
  // c5: Bolna's voicemail detection answered.
  call(c.c5!, {
    at: at("2026-03-10T04:00:00Z"),
    cost: 1,
    turns: VOICEMAIL_TURNS,
    extraction: null,
    voicemail: true,
    conversationSeconds: 12,
  });
  // c6 (in London): no answer.
  call(c.c6!, { status: "no-answer", at: at("2026-03-20T05:00:00Z"), cost: 0 });
  // c7 was never called.
  // c8: confirmed, then withdrew by e-mail: an admin set declined.
  call(c.c8!, { at: at("2026-03-02T05:00:00Z"), cost: 2.5, turns: CONFIRMING_TURNS });
  overrideStatus(db, c.c8!.id, "declined", "Withdrew by e-mail", admin);
  // c9: a five-second call, one word that says nothing; the reviewer listened and corrected it to declined.
  call(c.c9!, { at: at("2026-03-10T11:00:00Z"), cost: 0.8, turns: ["user: Hello?"], conversationSeconds: 5 });
  correctReview(
    db,
    openReviewOf(c.c9!).id,
    { status: "declined", reason: "On the recording she says she cannot come", interviewAt: null },
    recruiter,
    at("2026-03-11T09:00:00Z"),
  );
  await foldAnalytics(db, ZONE);
});

afterAll(() => {
  temp.remove();
});

describe("the data set is what the tests count on", async () => {
  it("reviews held the unsure calls, people decided them", async () => {
    const statuses = Object.fromEntries(
      Object.entries(c).map(([key, row]) => [
        key,
        db.query.candidates.findFirst({ where: (t, { eq }) => eq(t.id, row.id) }).sync()!.status,
      ]),
    );
    expect(statuses).toEqual({
      c1: "confirmed",
      c2: "declined",
      c3: "rescheduled",
      c4: "confirmed",
      c5: statuses.c5 === "no_answer" ? "no_answer" : "pending",
      c6: "no_answer",
      c7: "pending",
      c8: "declined",
      c9: "declined",
    });
  });
});

describe("the funnel, attempts and cost: candidates first called in the period", async () => {
  it("2–3 March", async () => {
    const { funnel, attemptsPerReached, cost } = await report({ from: "2026-03-02", to: "2026-03-03" });
    expect(funnel).toEqual({
      called: 5, // c1 c2 c3 c4 c8
      reached: 5, // c4 through the relative a week later
      confirmed: 4, // c1, c3 (rescheduled), c4 (on review), c8 (declined since: it happened)
      declined: 2, // c2, c8
      attended: 1,
      noShow: 1,
      reachRate: 1,
      confirmationRate: 0.8,
      attendanceRate: 0.25,
      noShowRate: 0.5,
    });
    expect(attemptsPerReached).toBe(1.4); // c1 2, c2 1, c3 1, c4 2, c8 1
    expect(cost).toEqual({ total: 20, perConfirmed: 5, perAttended: 20, unit: "Bolna credits" });
  });

  it("9–15 March", async () => {
    const { funnel, attemptsPerReached, cost } = await report({ from: "2026-03-09", to: "2026-03-15" });
    expect(funnel).toMatchObject({ called: 2, reached: 1, confirmed: 0, declined: 1, attended: 0, noShow: 0 });
    expect(funnel).toMatchObject({ reachRate: 0.5, confirmationRate: 0, attendanceRate: null, noShowRate: null });
    expect(attemptsPerReached).toBe(1);
    expect(cost).toEqual({ total: 1.8, perConfirmed: null, perAttended: null, unit: "Bolna credits" });
  });

  it("all of March, and one position", async () => {
    const march = await report({ from: "2026-03-01", to: "2026-03-31" });
    expect(march.funnel).toEqual({
      called: 8,
      reached: 6,
      confirmed: 4,
      declined: 3,
      attended: 1,
      noShow: 1,
      reachRate: 0.75,
      confirmationRate: 0.6667,
      attendanceRate: 0.25,
      noShowRate: 0.5,
    });
    expect(march.attemptsPerReached).toBe(1.33);
    expect(march.cost).toEqual({ total: 21.8, perConfirmed: 5.45, perAttended: 21.8, unit: "Bolna credits" });

    const design = await report({ from: "2026-03-01", to: "2026-03-31", position: "Design" });
    expect(design.funnel).toMatchObject({ called: 3, reached: 3, confirmed: 2, declined: 1, attended: 0, noShow: 1 });
    expect(design.attemptsPerReached).toBe(1.33);
    expect(design.cost).toEqual({ total: 8.3, perConfirmed: 4.15, perAttended: null, unit: "Bolna credits" });
  });

  it("a period before anything happened is empty, not an error", async () => {
    const empty = await report({ from: "2026-02-01", to: "2026-02-28" });
    expect(empty.funnel).toMatchObject({ called: 0, reachRate: null, confirmationRate: null });
    expect(empty.attemptsPerReached).toBeNull();
    expect(empty.cost.total).toBe(0);
  });

  it("counts by position", async () => {
    expect((await report({ from: "2026-03-01", to: "2026-03-31" })).byPosition).toEqual([
      {
        position: "Backend",
        called: 5, // c1 c2 c5 c6 c8
        reached: 3,
        confirmed: 2,
        declined: 2,
        attended: 1,
        noShow: 0,
        reachRate: 0.6,
        confirmationRate: 0.6667,
        attendanceRate: 0.5,
        noShowRate: 0,
      },
      {
        position: "Design",
        called: 3,
        reached: 3,
        confirmed: 2,
        declined: 1,
        attended: 0,
        noShow: 1,
        reachRate: 1,
        confirmationRate: 0.6667,
        attendanceRate: 0,
        noShowRate: 1,
      },
    ]);
  });
});

describe("over time", async () => {
  it("by day: the confirmation rate of each day's first calls", async () => {
    expect((await report({ from: "2026-03-02", to: "2026-03-03" })).overTime).toEqual([
      { bucket: "2026-03-02", reached: 4, confirmed: 3, confirmationRate: 0.75, attended: 0, noShow: 0, noShowRate: null },
      { bucket: "2026-03-03", reached: 1, confirmed: 1, confirmationRate: 1, attended: 0, noShow: 0, noShowRate: null },
    ]);
  });

  it("by week (Mondays): confirmation by first call, no-shows by interview", async () => {
    const none = { reached: 0, confirmed: 0, confirmationRate: null, attended: 0, noShow: 0, noShowRate: null };
    expect((await report({ from: "2026-03-01", to: "2026-03-31", bucket: "week" })).overTime).toEqual([
      { bucket: "2026-02-23", ...none },
      { bucket: "2026-03-02", reached: 5, confirmed: 4, confirmationRate: 0.8, attended: 1, noShow: 1, noShowRate: 0.5 },
      { bucket: "2026-03-09", reached: 1, confirmed: 0, confirmationRate: 0, attended: 0, noShow: 0, noShowRate: null },
      { bucket: "2026-03-16", ...none },
      { bucket: "2026-03-23", ...none },
      { bucket: "2026-03-30", ...none },
    ]);
  });
});

describe("outcomes by slot: interviews in the period, by time of day in the interview zone", async () => {
  it("March", async () => {
    expect((await report({ from: "2026-03-01", to: "2026-03-31" })).bySlot).toEqual([
      // 06:00 UTC: c1 c2 c7 c8 on the 5th, c4 on the 12th, c6 on the 25th.
      {
        time: "11:30",
        zone: ZONE,
        candidates: 6,
        confirmed: 2,
        declined: 2,
        noAnswer: 1,
        unresolved: 1,
        attended: 1,
        noShow: 0,
        noShowRate: 0,
      },
      // c3, moved to 09:30 UTC on the 6th.
      {
        time: "15:00",
        zone: ZONE,
        candidates: 1,
        confirmed: 1,
        declined: 0,
        noAnswer: 0,
        unresolved: 0,
        attended: 0,
        noShow: 1,
        noShowRate: 1,
      },
    ]);
  });

  it("only the days asked for", async () => {
    expect((await report({ from: "2026-03-06", to: "2026-03-06" })).bySlot.map((slot) => slot.time)).toEqual(["15:00"]);
  });
});

describe("answer rate by hour in the candidate's zone: calls placed in the period", async () => {
  it("March", async () => {
    const hours = (await report({ from: "2026-03-01", to: "2026-03-31" })).answerRateByHour.filter((row) => row.finished > 0);
    expect(hours).toEqual([
      { hour: 5, finished: 1, answered: 0, rate: 0 }, // c6, 05:00 in London
      { hour: 9, finished: 2, answered: 0, rate: 0 }, // c1's no answer; c5's voicemail is not a person
      { hour: 10, finished: 3, answered: 3, rate: 1 }, // c1, c2, c8
      { hour: 13, finished: 1, answered: 1, rate: 1 }, // c3
      { hour: 14, finished: 1, answered: 0, rate: 0 }, // c4 busy
      { hour: 15, finished: 1, answered: 1, rate: 1 }, // c4's relative: a person answered
      { hour: 16, finished: 1, answered: 1, rate: 1 }, // c9
    ]);
  });

  it("the period is the day the call was placed", async () => {
    const hours = (await report({ from: "2026-03-03", to: "2026-03-03" })).answerRateByHour.filter((row) => row.finished > 0);
    expect(hours).toEqual([
      { hour: 10, finished: 1, answered: 1, rate: 1 },
      { hour: 14, finished: 1, answered: 0, rate: 0 },
    ]);
  });
});

describe("history, not today's statuses", async () => {
  it("a reset today does not unconfirm what happened in March; the CSV carries the same figures", async () => {
    const before = await report({ from: "2026-03-01", to: "2026-03-31" });
    resetCandidate(db, c.c1!.id, "New round", admin);
    await foldAnalytics(db, ZONE);
    const after = await report({ from: "2026-03-01", to: "2026-03-31" });
    expect(after.funnel).toEqual(before.funnel);
    expect(after.cost).toEqual(before.cost);
    // The slot lens is about interviews: c1's is still on the 5th, now pending again.
    expect(after.bySlot[0]).toMatchObject({ confirmed: 1, unresolved: 2, attended: 1 });
    expect(after.interviews).toMatchObject({ candidates: 7, pending: 2, confirmed: 1, rescheduled: 1, attended: 1, noShow: 1 });

    const csv = (await csvOf({ from: "2026-03-01", to: "2026-03-31" })).split("\r\n");
    expect(csv[0]).toBe("section,key,metric,value");
    expect(csv).toContain("period,,days,Asia/Kolkata");
    expect(csv).toContain("funnel,,confirmed,4");
    expect(csv).toContain("funnel,,confirmationRate,0.6667");
    expect(csv).toContain("cost,,per_confirmed,5.45");
    expect(csv).toContain("interviews,,rescheduled,1");
    expect(csv).toContain("by_position,Design,called,3");
    expect(csv).toContain("by_slot,11:30 Asia/Kolkata,candidates,6");
    expect(csv).toContain("answer_rate_by_hour,10,rate,1");
    expect(csv).toContain("over_time,2026-03-02,reached,4");
  });

  it("escapes a position that reads as a formula", async () => {
    insertCandidate(db, { position: '=HYPERLINK("http://evil")', interviewAt: at("2026-03-05T06:00:00Z") });
    const candidate = db.query.candidates.findFirst({ where: (t, { like }) => like(t.position, "=HYPER%") }).sync()!;
    call(candidate, { at: at("2026-03-04T05:00:00Z"), cost: 1, turns: DECLINING_TURNS, extraction: REJECTED });
    const csv = await csvOf({ from: "2026-03-01", to: "2026-03-31" });
    expect(csv).toContain(`by_position,"'=HYPERLINK(""http://evil"")",called,1`);
    expect(csv).not.toMatch(/^by_position,=|,=HYPERLINK/m);
  });
});

describe("the team's days", () => {
  // Monday 4 May 2026, 05:15 in Kolkata: still Sunday 3 May in UTC. The interview: Monday 09:00 in Kolkata.
  let early: Candidate;
  beforeAll(async () => {
    early = insertCandidate(db, { position: "Early", interviewAt: at("2026-05-04T03:30:00Z") });
    call(early, { at: at("2026-05-03T23:45:00Z"), cost: 1, turns: CONFIRMING_TURNS });
    await foldAnalytics(db, ZONE);
  });

  it("a Monday-morning call in Kolkata counts on Monday, the interview at 09:00 on Monday", async () => {
    const monday = await report({ from: "2026-05-04", to: "2026-05-04", position: "Early" });
    expect(monday.funnel).toMatchObject({ called: 1, reached: 1, confirmed: 1 });
    expect(monday.overTime).toEqual([
      { bucket: "2026-05-04", reached: 1, confirmed: 1, confirmationRate: 1, attended: 0, noShow: 0, noShowRate: null },
    ]);
    expect(monday.bySlot).toMatchObject([{ time: "09:00", zone: ZONE, candidates: 1, confirmed: 1 }]);
    expect(monday.answerRateByHour.filter((row) => row.finished > 0)).toEqual([{ hour: 5, finished: 1, answered: 1, rate: 1 }]);
    expect((await report({ from: "2026-05-03", to: "2026-05-03", position: "Early" })).funnel.called).toBe(0);
  });

  it("the same rollups read in another zone give that zone's days: a change of zone needs no rebuild", async () => {
    const utc = (params: Record<string, string>) => report({ ...params, position: "Early" }, "UTC");
    expect((await utc({ from: "2026-05-03", to: "2026-05-03" })).funnel.called).toBe(1);
    expect((await utc({ from: "2026-05-04", to: "2026-05-04" })).funnel.called).toBe(0);
    expect((await utc({ from: "2026-05-04", to: "2026-05-04" })).bySlot).toMatchObject([{ time: "03:30", zone: "UTC" }]);
    // Kathmandu is 5:45 ahead: its Monday begins at 18:15 UTC on Sunday, a quarter hour before the call's.
    const nepal = await report({ from: "2026-05-04", to: "2026-05-04", position: "Early" }, "Asia/Kathmandu");
    expect(nepal.funnel.called).toBe(1);
    expect(nepal.period.days).toBe("Asia/Kathmandu");
  });

  it("a slot or a position everyone has left is gone, not a row of zeros", async () => {
    const mover = insertCandidate(db, { position: "Before", interviewAt: at("2026-05-05T04:30:00Z") });
    call(mover, { at: at("2026-05-05T01:00:00Z"), cost: 1, turns: CONFIRMING_TURNS });
    await foldAnalytics(db, ZONE);
    db.update(candidates)
      .set({ position: "After", interviewAt: at("2026-05-05T06:30:00Z") })
      .where(eq(candidates.id, mover.id))
      .run();
    await foldAnalytics(db, ZONE);
    const moved = await report({ from: "2026-05-05", to: "2026-05-05" });
    expect(moved.bySlot.map((slot) => [slot.time, slot.candidates])).toEqual([["12:00", 1]]);
    expect(moved.positions).toEqual(["After"]);
    expect(moved.byPosition.map((row) => row.position)).toEqual(["After"]);
  });

  it("a week bucket is the Monday of the team's week", async () => {
    const weeks = await report({ from: "2026-05-01", to: "2026-05-10", position: "Early", bucket: "week" });
    expect(weeks.overTime.map((row) => [row.bucket, row.reached])).toEqual([
      ["2026-04-27", 0],
      ["2026-05-04", 1],
    ]);
  });
});

describe("the day rollups", () => {
  it("give the figures the quarter hours give, for any period and position", async () => {
    for (const [from, to, position] of [
      ["2026-03-01", "2026-03-31", undefined],
      ["2026-01-01", "2026-12-31", undefined],
      ["2026-03-02", "2026-03-10", "Design"],
    ] as const) {
      const days = new TeamDays(from, to, ZONE);
      const cached = await readPeriodSums(db, days, position, ZONE, true);
      expect(cached.cohortByDay.size).toBeGreaterThan(0);
      expect(cached).toEqual(await readPeriodSums(db, days, position, ZONE, false));
    }
  });
});

describe("the query", () => {
  it("defaults to the last 30 days and refuses a backwards or too long period", async () => {
    expect(query({})).toMatchObject({ from: "2026-03-03", to: "2026-04-01", bucket: "day", format: "json" });
    expect(() => query({ from: "2026-03-10", to: "2026-03-01" })).toThrow(/must not be after to/);
    expect(() => query({ from: "2020-01-01", to: "2026-03-01" })).toThrow(/at most 1096 days/);
    expect(() => query({ from: "2026-02-30" })).toThrow(/real date/);
  });

  it("'to' is today in the team's zone: 01:30 on 1 April in Kolkata is still 31 March in UTC", async () => {
    expect(query({}, at("2026-03-31T20:00:00Z"))).toMatchObject({ from: "2026-03-03", to: "2026-04-01" });
  });
});
