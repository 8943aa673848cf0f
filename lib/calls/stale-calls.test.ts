import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { staleCallIds } from "./reconcile";

const NOW = new Date("2026-06-01T12:00:00Z");
const MINUTE = 60_000;
const QUIET = 5 * MINUTE;
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("stale-calls"));
});
afterAll(() => db.$client.close());

function call(executionId: string, values: Partial<typeof calls.$inferInsert>) {
  const candidate = insertCandidate(db);
  db.insert(calls)
    .values({ executionId, candidateId: candidate.id, updatedAt: NOW, createdAt: ago(60), ...values })
    .run();
}

describe("staleCallIds", () => {
  it("finds the calls still open and quiet for too long (through the index of open calls), the longest quiet first", () => {
    call("quiet-ringing", { status: "ringing", lastEventAt: ago(20) });
    call("quieter-queued", { status: "queued", lastEventAt: ago(40) });
    call("never-heard", { status: null, createdAt: ago(30) });
    call("recent-ringing", { status: "ringing", lastEventAt: ago(1) });
    call("finished", { status: "completed", lastEventAt: ago(50) });
    call("retry-overdue", { status: "no-answer", lastEventAt: ago(50), nextAttemptAt: ago(10) });
    call("retry-to-come", { status: "no-answer", lastEventAt: ago(50), nextAttemptAt: ago(-30) });
    call("given-up", { status: "ringing", createdAt: ago(8 * 24 * 60), lastEventAt: ago(8 * 24 * 60) });
    expect(staleCallIds(db, NOW, QUIET)).toEqual(["retry-overdue", "quieter-queued", "never-heard", "quiet-ringing"]);
    expect(staleCallIds(db, NOW, QUIET, 2)).toEqual(["retry-overdue", "quieter-queued"]);
  });
});
