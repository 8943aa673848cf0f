import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrationsBefore } from "@/tests/support/migrations";
import { tempDatabasePath } from "@/tests/support/temp-database";

describe("the migrations to outbox intents and attention from indexes", () => {
  it("keep a message rendered before with its dedupe key, and copy the latest call's unclear outcome", () => {
    const file = tempDatabasePath("intents");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore("21_outbox_intents") });
    const candidate = sqlite.prepare(
      "insert into candidates (name, phone, email, interview_at, status_changed_at, updated_at) values (?, ?, ?, 1, 0, 0)",
    );
    const unclear = Number(candidate.run("Unclear", "+919800000101", "u@example.com").lastInsertRowid);
    const clear = Number(candidate.run("Clear", "+919800000102", "c@example.com").lastInsertRowid);
    const call = sqlite.prepare(
      "insert into calls (execution_id, candidate_id, outcome, conversation_seconds, created_at, updated_at) values (?, ?, ?, ?, 0, 0)",
    );
    const unclearCall = call.run("exec-unclear", unclear, "pending", 40).lastInsertRowid;
    const clearCall = call.run("exec-clear", clear, "confirmed", 40).lastInsertRowid;
    sqlite.prepare("update candidates set latest_call_id = ? where id = ?").run(unclearCall, unclear);
    sqlite.prepare("update candidates set latest_call_id = ?, status = 'confirmed' where id = ?").run(clearCall, clear);
    sqlite
      .prepare(
        `insert into outbox_messages (candidate_id, kind, to_address, subject, body, state, dedupe_key)
         values (?, 'confirmed', 'c@example.com', 'Your interview is confirmed', 'Hello', 'queued', ?)`,
      )
      .run(clear, `${clear}:confirmed:key`);
    sqlite.close();

    const db = openDatabase(file, "OFF");
    const sqliteAfter = db.$client;
    expect(
      sqliteAfter.prepare("select candidate_id, subject, body, dedupe_key, interview_at from outbox_messages").all(),
    ).toEqual([
      {
        candidate_id: clear,
        subject: "Your interview is confirmed",
        body: "Hello",
        dedupe_key: `${clear}:confirmed:key`,
        interview_at: null,
      },
    ]);
    // The dedupe key is still unique: the same intent is not queued twice.
    const again = sqliteAfter.prepare(
      "insert or ignore into outbox_messages (candidate_id, kind, state, dedupe_key) values (?, 'confirmed', 'queued', ?)",
    );
    expect(again.run(clear, `${clear}:confirmed:key`).changes).toBe(0);
    expect(sqliteAfter.prepare("select id, latest_call_unclear from candidates order by id").all()).toEqual([
      { id: unclear, latest_call_unclear: 1 },
      { id: clear, latest_call_unclear: 0 },
    ]);
    // The invite's SEQUENCE is raised by the write itself now: no trigger raises it twice.
    expect(
      sqliteAfter
        .prepare("select name from sqlite_master where type = 'trigger' and name like 'candidates_invite_sequence%'")
        .all(),
    ).toEqual([]);
    sqliteAfter.close();
  });
});
