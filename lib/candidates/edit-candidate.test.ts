import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";
import { ApiError } from "@/lib/http/api-error";
import { auditFor, insertCandidate, openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { candidateDetailsInput } from "./candidate-input";
import { editCandidate } from "./edit-candidate";

const actor = { kind: "user", id: "u1", label: "rita@example.com", role: "recruiter" } as const;
const config = { defaultCountry: "IN", timezone: "UTC" };
const future = (days: number) => new Date(Date.now() + days * 86_400_000);
let db: Db;

beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("edit-candidate"));
});
afterAll(() => db?.$client.close());

const details = (row: typeof candidates.$inferSelect, change: Record<string, unknown>) =>
  candidateDetailsInput.parse({
    name: row.name,
    phone: row.phone,
    email: row.email,
    position: row.position,
    timeZone: row.timeZone,
    interviewAt: row.interviewAt.toISOString(),
    ...change,
  });

const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : String(error);
  }
};

describe("editCandidate", () => {
  it("moves the interview to the time the candidate chose as a person's decision: audited, the flagged request resolved", () => {
    const chosen = future(4);
    const row = insertCandidate(db, { interviewAt: future(3), requestedInterviewAt: chosen, status: "rescheduled" });
    const moved = editCandidate(
      db,
      row.id,
      details(row, { interviewAt: chosen.toISOString(), timeZone: "Asia/Dubai" }),
      config,
      actor,
    );
    expect(moved).toMatchObject({ timeZone: "Asia/Dubai", requestedInterviewAt: null, status: "rescheduled" });
    expect(moved.manualStatusAt).toBeInstanceOf(Date);
    const [entry] = auditFor(db, row.id);
    expect(entry).toMatchObject({
      fromStatus: "rescheduled",
      toStatus: "rescheduled",
      source: "manual",
      reason: "Edited by rita@example.com: time zone, interview",
    });
    expect(entry?.fromInterviewAt).toEqual(row.interviewAt);
  });

  it("moves a confirmed (or rescheduled) interview elsewhere: the candidate needs reconfirmation, in words", () => {
    for (const status of ["confirmed", "rescheduled"] as const) {
      const row = insertCandidate(db, { interviewAt: future(3), status, timeZone: "Asia/Kolkata" });
      const moved = editCandidate(db, row.id, details(row, { interviewAt: future(6).toISOString() }), config, actor);
      expect(moved).toMatchObject({ status: "pending", statusEvent: "needs_reconfirmation" });
      expect(moved.statusReason).toMatch(/^Needs reconfirmation: moved from .* IST to .* IST by rita@example\.com$/);
      expect(auditFor(db, row.id)[0]?.reason).toMatch(/^Edited by rita@example\.com: interview\. Needs reconfirmation/);
    }
  });

  it("writes nothing when nothing changed", () => {
    const row = insertCandidate(db, { interviewAt: future(3), timeZone: "UTC" });
    editCandidate(db, row.id, details(row, {}), config, actor);
    expect(auditFor(db, row.id)).toEqual([]);
  });

  it("refuses a past interview unless meant, another candidate's phone, and a full slot", () => {
    const row = insertCandidate(db, { interviewAt: future(3) });
    const other = insertCandidate(db, { interviewAt: future(3) });
    const past = new Date(Date.now() - 86_400_000).toISOString();
    expect(refusal(() => editCandidate(db, row.id, details(row, { interviewAt: past }), config, actor))).toBe(
      "validation_failed",
    );
    expect(
      editCandidate(db, row.id, details(row, { interviewAt: past, allowPast: true }), config, actor).interviewAt.toISOString(),
    ).toBe(past);
    expect(refusal(() => editCandidate(db, row.id, details(row, { phone: other.phone }), config, actor))).toBe("conflict");

    const full = future(8);
    db.insert(interviewSlots).values({ startsAt: full, capacity: 1 }).run();
    insertCandidate(db, { interviewAt: full });
    expect(refusal(() => editCandidate(db, row.id, details(row, { interviewAt: full.toISOString() }), config, actor))).toBe(
      "slot_full",
    );
    expect(db.select().from(candidates).where(eq(candidates.id, row.id)).get()?.interviewAt.toISOString()).toBe(past);
  });
});
