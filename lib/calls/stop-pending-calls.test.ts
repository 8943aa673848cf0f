import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { insertCandidate } from "@/tests/support/database";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";
import { doNotCallPendingCalls } from "./stop-pending-calls";

let temp: TempDatabase;
let db: Db;

beforeAll(() => {
  temp = tempDatabase("do-not-call");
  db = temp.db;
});

afterAll(() => temp.remove());

const addCall = (candidateId: number, executionId: string, status: string, nextAttemptAt: number | null = null) =>
  db.$client
    .prepare(
      "INSERT INTO calls (execution_id, candidate_id, status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)",
    )
    .run(executionId, candidateId, status, nextAttemptAt);

it("finds the calls Bolna may still place to candidates marked do-not-call, and no one else's", () => {
  const marked = insertCandidate(db, { doNotCall: true });
  const other = insertCandidate(db);
  addCall(marked.id, "marked-scheduled", "scheduled");
  addCall(marked.id, "marked-retry", "no-answer", Date.UTC(2026, 11, 9));
  addCall(marked.id, "marked-done", "completed");
  addCall(other.id, "other-scheduled", "scheduled");
  const found = doNotCallPendingCalls(db, 20)
    .all()
    .map((row) => row.executionId);
  expect(found.sort()).toEqual(["marked-retry", "marked-scheduled"]);
  expect(doNotCallPendingCalls(db, 1).all()).toHaveLength(1);
});

it("starts from the marked candidates' index, never from every call (the job runs on the event loop every minute)", () => {
  const { sql, params } = doNotCallPendingCalls(db, 20).toSQL();
  const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (step) => step.detail,
  );
  expect(plan[0]).toMatch(/^SCAN \S+ USING COVERING INDEX candidates_do_not_call_idx$/);
  expect(plan[1]).toMatch(/^SEARCH \S+ USING INDEX calls_candidate_idx \(candidate_id=\?\)$/);
});
