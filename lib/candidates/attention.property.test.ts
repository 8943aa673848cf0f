import { and, count, gte, lt } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import { attentionCondition, countNeedingAttention } from "./attention";
import { CANDIDATE_STATUSES, STATUS_EVENTS } from "@/db/values";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// The board's attention count, read from three indexes, against the rules themselves applied to every row.

let db: Db;
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("attention");
  db = temp.db;
});

afterAll(() => {
  temp.remove();
});

const RUNS = process.env.LONG === "1" ? 300 : 60;
const now = new Date("2026-01-05T10:00:00Z");
const clock = { now, stuckAfterMs: 5 * 60_000, zone: "Asia/Kolkata" };
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
// Times on both sides of "now" and of the stuck threshold, and exactly on them.
const around = fc.constantFrom(-24 * 60, -6, -5, -4, 0, 4, 5, 6, 24 * 60).map(minutes);

const candidateRow = fc.record({
  status: fc.constantFrom(...CANDIDATE_STATUSES),
  interviewAt: around,
  updatedAt: around,
  originalInterviewAt: fc.option(around, { nil: null }),
  requestedInterviewAt: fc.option(around, { nil: null }),
  nextAttemptAt: fc.option(around, { nil: null }),
  statusEvent: fc.option(fc.constantFrom(...STATUS_EVENTS), { nil: null }),
  latestCallUnclear: fc.boolean(),
});
// An interview-day filter: the count follows it as the board's view does.
const dayRange = fc.option(
  fc.tuple(around, around).map(([from, until]) => and(gte(candidates.interviewAt, from), lt(candidates.interviewAt, until))!),
  { nil: undefined },
);

describe("countNeedingAttention", () => {
  it("agrees with the rules applied to every candidate", () => {
    fc.assert(
      fc.property(fc.array(candidateRow, { maxLength: 40 }), dayRange, (rows, days) => {
        // Every row, on purpose: each run starts from an empty board.
        // eslint-disable-next-line drizzle/enforce-delete-with-where
        db.delete(candidates).run();
        rows.forEach((row, i) =>
          db
            .insert(candidates)
            .values({ ...row, name: `c${i}`, phone: `+91982${String(i).padStart(7, "0")}`, statusChangedAt: now })
            .run(),
        );
        const scanned = db
          .select({ n: count() })
          .from(candidates)
          .where(and(attentionCondition(clock), days))
          .get()!.n;
        expect(countNeedingAttention(db, clock, days)).toBe(scanned);
      }),
      { numRuns: RUNS },
    );
  });
});
