import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { applyExecution } from "@/lib/calls/apply-execution";
import { insertCandidate } from "@/tests/support/database";
import { callBody, CONFIRMING_TURNS } from "@/tests/support/insight-calls";
import { deliveryOf } from "@/tests/support/lifecycle";
import { migrationsBefore } from "@/tests/support/migrations";
import { analyticsBacklog, CANDIDATE_FACTS, foldAnalytics } from "./fold-analytics";
import { tempDatabase, tempDatabasePath, type TempDatabase } from "@/tests/support/temp-database";

// The write path only marks; the fold recounts. On a real SQLite file: what a delivery's transaction leaves, what
// the fold makes of it, how a backlog shares the event loop, and what a database written before the fold counts.

const CONFIG = { timezone: "Asia/Kolkata", defaultCountry: "IN", reviewBelow: 0.7 };
let db: Db;
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("fold");
  db = temp.db;
});

afterAll(() => {
  temp.remove();
});

const rowsOf = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params);
const factsOf = (id: number) => ({
  kept: rowsOf(`SELECT ${CANDIDATE_FACTS} FROM analytics_candidates WHERE candidate_id = ?`, id),
  viewed: rowsOf(`SELECT ${CANDIDATE_FACTS} FROM analytics_candidates_source WHERE candidate_id = ?`, id),
});

/** `count` new candidates with one answered call each, written straight in: as many marked for the fold. */
function backlogOf(count: number, executionPrefix: string, calledAt: number): number[] {
  const ids = Array.from({ length: count }, () => insertCandidate(db).id);
  db.$client.transaction(() => {
    const call = db.$client.prepare(
      "INSERT INTO calls (execution_id, candidate_id, outcome, conversation_seconds, created_at, updated_at) VALUES (?, ?, 'confirmed', 30, ?, 0)",
    );
    for (const id of ids) call.run(`${executionPrefix}-${id}`, id, calledAt);
  })();
  return ids;
}

describe("a delivery and the fold", () => {
  it("the delivery's transaction marks the candidate; the fold counts it a moment later", async () => {
    const candidate = insertCandidate(db, { position: "Backend" });
    applyExecution(db, deliveryOf(callBody({ phone: candidate.phone, turns: CONFIRMING_TURNS, cost: 3 })), CONFIG);
    expect(rowsOf("SELECT candidate_id FROM analytics_dirty")).toEqual([{ candidate_id: candidate.id }]);
    expect(factsOf(candidate.id).kept).toEqual([]);
    expect(analyticsBacklog(db)).toBe(1);

    expect(await foldAnalytics(db)).toBe(1);
    const { kept, viewed } = factsOf(candidate.id);
    expect(kept).toEqual(viewed);
    expect(kept[0]).toMatchObject({ position: "Backend", calls: 1, cost: 3, reached: 1, confirmed: 1 });
    expect(rowsOf("SELECT called, confirmed, cost FROM analytics_funnel WHERE position = 'Backend'")).toEqual([
      { called: 1, confirmed: 1, cost: 3 },
    ]);
    expect(analyticsBacklog(db)).toBe(0);
  });

  it("a second call that changes only the number of calls leaves the funnel and its days alone", async () => {
    const candidate = insertCandidate(db, { position: "Data" });
    const first = applyExecution(db, deliveryOf(callBody({ phone: candidate.phone, turns: CONFIRMING_TURNS, cost: 2 })), CONFIG);
    await foldAnalytics(db);
    const funnel = () => rowsOf("SELECT * FROM analytics_funnel WHERE position = 'Data'");
    const days = () => rowsOf("SELECT * FROM analytics_funnel_days WHERE position = 'Data'") as Record<string, unknown>[];
    const [funnelBefore, daysBefore] = [funnel(), days()];
    expect(daysBefore).toHaveLength(1);

    // A call placed, still ringing: one more call, nothing else the funnel counts.
    db.$client
      .prepare("INSERT INTO calls (execution_id, candidate_id, created_at, updated_at) VALUES (?, ?, ?, ?)")
      .run(`ringing-${first.eventId}`, candidate.id, Date.now(), Date.now());
    const written = () => (db.$client.prepare("SELECT total_changes() AS n").get() as { n: number }).n;
    const before = written();
    expect(await foldAnalytics(db)).toBe(1);
    // Two rows written, triggers included: the candidate's number of calls, and its mark taken off.
    expect(written() - before).toBe(2);
    const { kept, viewed } = factsOf(candidate.id);
    expect(kept).toEqual(viewed);
    expect(kept[0]).toMatchObject({ calls: 2, cost: 2 });
    expect([funnel(), days()]).toEqual([funnelBefore, daysBefore]);

    // Its cost, once known, is a change the funnel adds up, on the day of the first call.
    db.$client.prepare("UPDATE calls SET total_cost = 1.5 WHERE execution_id = ?").run(`ringing-${first.eventId}`);
    await foldAnalytics(db);
    expect(factsOf(candidate.id).kept[0]).toMatchObject({ calls: 2, cost: 3.5 });
    expect(days()).toEqual([{ ...daysBefore[0], cost: 3.5 }]);
  });

  it("no trigger recounts a funnel row: only the fold writes analytics_candidates, whose triggers add it up", () => {
    const triggers = rowsOf("SELECT name, tbl_name AS tableName, sql FROM sqlite_master WHERE type = 'trigger'") as {
      name: string;
      tableName: string;
      sql: string;
    }[];
    const heavy = triggers.filter((trigger) => /_source\b|\banalytics_candidates\b|\banalytics_funnel\b/.test(trigger.sql));
    expect(heavy.map((trigger) => [trigger.name, trigger.tableName]).sort()).toEqual([
      ["analytics_funnel_delete", "analytics_candidates"],
      ["analytics_funnel_insert", "analytics_candidates"],
    ]);
  });

  it("leaves the write lock free between its batches, as long as each held it and 20 ms at least", async () => {
    // Another thread's writer that finds the lock taken sleeps and tries again: with only a turn of the event loop
    // between batches, it found the lock taken again and again (db/write-pause.ts).
    backlogOf(500, "paused", Date.UTC(2026, 2, 3, 4));
    expect(analyticsBacklog(db)).toBe(500);
    vi.useFakeTimers({ toFake: ["setTimeout", "performance"] });
    try {
      const folding = foldAnalytics(db);
      // The first batch ran at once; the next waits for the pause, whatever else the thread does meanwhile.
      expect(analyticsBacklog(db)).toBe(300);
      await vi.advanceTimersByTimeAsync(19);
      expect(analyticsBacklog(db)).toBe(300);
      await vi.advanceTimersByTimeAsync(1);
      expect(analyticsBacklog(db)).toBe(100);
      await vi.runAllTimersAsync();
      expect(await folding).toBe(500);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a large backlog folds in batches, with the event loop free between them", async () => {
    const ids = backlogOf(1_000, "backlog", Date.UTC(2026, 2, 2, 4));
    expect(analyticsBacklog(db, 500)).toBe(500);

    // Counts the turns of the event loop that other work gets while the fold runs.
    let turns = 0;
    let folding = true;
    const tick = () => {
      if (!folding) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    expect(await foldAnalytics(db)).toBe(1_000);
    folding = false;
    expect(turns).toBeGreaterThan(3);
    expect(
      rowsOf(
        "SELECT count(*) AS n FROM analytics_candidates WHERE candidate_id IN (SELECT value FROM json_each(?))",
        JSON.stringify(ids),
      ),
    ).toEqual([{ n: 1_000 }]);
  });
});

describe("a database written before the fold", () => {
  it("is counted again from its raw rows when it migrates, by the team's instants", () => {
    const file = tempDatabasePath("fold-old");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore("21_analytics_unhook") });
    sqlite.exec(`
      INSERT INTO candidates (id, name, phone, position, interview_at, status, status_changed_at, updated_at)
        VALUES (1, 'Old', '+919800000101', 'Design', 1772697600000, 'confirmed', 0, 0);
      INSERT INTO calls (execution_id, candidate_id, outcome, conversation_seconds, total_cost, local_hour, created_at, updated_at)
        VALUES ('old-1', 1, 'confirmed', 40, 2.5, 5, 1777851900000, 0);
      INSERT INTO status_changes (candidate_id, candidate_name, to_status, source, actor, at) VALUES (1, 'Old', 'confirmed', 'webhook', 'bolna', 0);
    `);
    sqlite.close();

    const migrated = openDatabase(file, "OFF");
    const all = (sql: string) => migrated.$client.prepare(sql).all();
    try {
      expect(all(`SELECT ${CANDIDATE_FACTS} FROM analytics_candidates`)).toEqual(
        all(`SELECT ${CANDIDATE_FACTS} FROM analytics_candidates_source`),
      );
      // 2026-05-03T23:45:00Z (Monday 05:15 in Kolkata) is quarter hour 1,975,391 since the epoch.
      expect(all("SELECT quarter_hour, position, called, confirmed, cost FROM analytics_funnel")).toEqual([
        { quarter_hour: 1_975_391, position: "Design", called: 1, confirmed: 1, cost: 2.5 },
      ]);
      expect(all("SELECT * FROM analytics_call_hours")).toEqual(all("SELECT * FROM analytics_call_hours_source"));
      expect(all("SELECT * FROM analytics_dirty")).toEqual([]);
    } finally {
      migrated.$client.close();
    }
  });
});
