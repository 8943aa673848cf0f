import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { applyExecution } from "@/lib/calls/apply-execution";
import { deliveryOf } from "@/tests/support/lifecycle";
import { migrationsBefore } from "@/tests/support/migrations";
import { loadPayload, retarget } from "@/tests/support/payloads";
import { tempDatabasePath } from "@/tests/support/temp-database";

describe("the migration of order keys stored before attempts existed", () => {
  it("prefixes keys stored before attempts existed, so a retry's delivery outranks them afterwards", () => {
    const file = tempDatabasePath("keys");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore("14_reach") });
    sqlite
      .prepare(
        "insert into candidates (id, name, phone, interview_at, status, status_changed_at, updated_at) values (1, 'Old', '+919800000101', 1, 'no_answer', 0, 0)",
      )
      .run();
    const oldKey = `9:01765361011640952:${"a".repeat(64)}`;
    sqlite
      .prepare(
        "insert into calls (execution_id, candidate_id, status, state_key, field_keys, created_at, updated_at) values ('exec-old', 1, 'no-answer', ?, ?, 0, 0)",
      )
      .run(oldKey, JSON.stringify({ hangupReason: oldKey, hangupBy: oldKey }));
    sqlite.close();

    const db = openDatabase(file, "OFF");
    const migrated = db.select().from(calls).where(eq(calls.executionId, "exec-old")).get()!;
    expect(migrated.stateKey).toBe(`00:${oldKey}`);
    expect(migrated.fieldKeys).toEqual({ hangupReason: `00:${oldKey}`, hangupBy: `00:${oldKey}` });
    expect(migrated).toMatchObject({ attempt: 0, purpose: "confirmation", nextAttemptAt: null });

    // Bolna's retry of the same execution, even with an updated_at earlier than the stored no-answer's.
    const retried = {
      ...retarget(loadPayload("05-completed-confirmed"), "exec-old", "+919800000101"),
      retry_count: 1,
      updated_at: "2025-12-10T09:00:00.000000",
    };
    expect(applyExecution(db, deliveryOf(retried), { timezone: "UTC", defaultCountry: "IN" }).result).toBe("applied");
    expect(db.select().from(calls).where(eq(calls.executionId, "exec-old")).get()).toMatchObject({
      status: "completed",
      attempt: 1,
      outcome: "confirmed",
      hangupReason: "Call recipient hungup",
    });
    expect(db.select().from(candidates).where(eq(candidates.id, 1)).get()?.status).toBe("confirmed");
    db.$client.close();
  });
});
