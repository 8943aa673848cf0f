import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { queryCandidates } from "./query-candidates";

const now = new Date("2026-12-01T10:00:00Z");
const clock = { now, stuckAfterMs: 5 * 60_000, zone: "Asia/Kolkata" };
const day = 86_400_000;
let db: Db;
const names = new Map<number, string>();

function add(name: string, daysFromNow: number, change: Partial<typeof candidates.$inferInsert> = {}) {
  const row = insertCandidate(db, { name, interviewAt: new Date(now.getTime() + daysFromNow * day), updatedAt: now, ...change });
  names.set(row.id, name);
  return row;
}

beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("board-order"));
  add("past far", -9);
  add("soon", 1);
  add("past near", -1);
  add("later", 5);
  add("past answered", -3, { status: "confirmed" });
  add("stuck", 2, { status: "calling", updatedAt: new Date(now.getTime() - 10 * 60_000) });
  add("calling now", 3, { status: "calling" });
  add("full slot asked", 4, {
    status: "rescheduled",
    originalInterviewAt: null,
    requestedInterviewAt: new Date(now.getTime() + 6 * day),
  });
  add("moved fine", 6, { status: "rescheduled", originalInterviewAt: new Date(now.getTime() + day) });
  const unclear = add("unclear", 7);
  const call = db
    .insert(calls)
    .values({
      executionId: "unclear-1",
      candidateId: unclear.id,
      status: "completed",
      outcome: "pending",
      conversationSeconds: 40,
      updatedAt: now,
    })
    .returning()
    .get();
  // As the pipeline writes it (lib/calls/update-candidate.ts): the latest call decided nothing.
  db.update(candidates)
    .set({ latestCallId: call.id, callStatus: "completed", latestCallUnclear: true })
    .where(eq(candidates.id, unclear.id))
    .run();
});

afterAll(() => db?.$client.close());

const page = (query: Partial<Parameters<typeof queryCandidates>[1]>) =>
  queryCandidates(db, { q: undefined, sort: "interview", dir: "asc", page: 1, pageSize: 50, ...query }, clock);
const namesOf = (rows: { id: number }[]) => rows.map((row) => names.get(row.id));

describe("the board's order", () => {
  it("lists upcoming interviews first, soonest first, then past ones, most recent first", () => {
    expect(namesOf(page({}).candidates)).toEqual([
      "soon",
      "stuck",
      "calling now",
      "full slot asked",
      "later",
      "moved fine",
      "unclear",
      "past near",
      "past answered",
      "past far",
    ]);
  });

  it("pages across the boundary between upcoming and past without losing or repeating anyone", () => {
    const pages = [1, 2, 3, 4].flatMap((n) => namesOf(page({ page: n, pageSize: 3 }).candidates));
    expect(pages).toEqual(namesOf(page({}).candidates));
    expect(page({ page: 3, pageSize: 3 }).total).toBe(10);
  });

  it("sorts descending plainly when asked", () => {
    expect(namesOf(page({ dir: "desc" }).candidates).slice(0, 2)).toEqual(["unclear", "moved fine"]);
  });
});

describe("needs attention", () => {
  it("is the stuck call, the full-slot reschedule, the unclear answer and the past interviews nobody answered", () => {
    expect(namesOf(page({ attention: true }).candidates).sort()).toEqual(
      ["full slot asked", "past far", "past near", "stuck", "unclear"].sort(),
    );
    expect(page({ attention: true }).total).toBe(5);
  });
});
