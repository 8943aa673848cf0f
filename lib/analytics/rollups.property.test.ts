import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { CALL_OUTCOMES, CANDIDATE_STATUSES } from "@/db/values";
import { foldAnalytics } from "./fold-analytics";
import { rebuildAnalytics } from "./rebuild-analytics";
import { dateIn, QUARTER_HOUR_MS } from "./team-days";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// The board's status counts and the analytics rollups are kept by triggers and by the job that folds the
// candidates those triggers mark (db/migrations/*_analytics_fold_sql.sql, lib/analytics/fold-analytics.ts).
// After random inserts, updates and deletes of candidates, calls and audit entries — cascaded deletes, moved
// calls and renamed positions included — and one fold, every rollup must equal what its `_source` view computes
// from the raw rows, on a real SQLite file; and a bulk rebuild must land on the same rows. The day rollups must
// equal the quarter hours added up by the team's days, in the zone they were folded for and after a change of zone.

let db: Db;
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("rollups");
  db = temp.db;
});

afterAll(() => {
  temp.remove();
});

const RUNS = process.env.LONG === "1" ? 300 : 40;
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 5, 3, 30);

const position = fc.constantFrom(null, "", "Backend", "Designer", "=SUM(A1)");
const status = fc.constantFrom(...CANDIDATE_STATUSES);
const attendance = fc.constantFrom(null, "attended", "no_show");
const instant = fc
  .integer({ min: -3, max: 3 })
  .chain((day) => fc.integer({ min: 0, max: 3 }).map((slot) => BASE + day * DAY + slot * 1_800_000));
const callFacts = fc.record({
  createdAt: fc.integer({ min: -4, max: 4 }).chain((day) => fc.nat(DAY - 1).map((ms) => BASE + day * DAY + ms)),
  localHour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
  outcome: fc.constantFrom(null, ...CALL_OUTCOMES),
  conversationSeconds: fc.constantFrom(null, 0, 3.5, 61),
  voicemail: fc.boolean(),
  cost: fc.constantFrom(null, 0, 0.25, 1.1, 7.35),
});

type CallFacts = typeof callFacts extends fc.Arbitrary<infer T> ? T : never;

type Op =
  | { kind: "candidate"; position: string | null; status: string; interviewAt: number }
  | {
      kind: "update candidate";
      pick: number;
      position: string | null;
      status: string;
      interviewAt: number;
      attendance: string | null;
    }
  | { kind: "delete candidate"; pick: number }
  | ({ kind: "call"; pick: number } & CallFacts)
  | ({ kind: "update call"; pick: number; owner: number } & CallFacts)
  | { kind: "delete call"; pick: number }
  | { kind: "status change"; pick: number; to: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("candidate" as const), position, status, interviewAt: instant }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("update candidate" as const),
      pick: fc.nat(),
      position,
      status,
      interviewAt: instant,
      attendance,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete candidate" as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: callFacts.chain((facts) => fc.nat().map((pick) => ({ kind: "call" as const, pick, ...facts }))) },
  {
    weight: 4,
    arbitrary: callFacts.chain((facts) =>
      fc.tuple(fc.nat(), fc.nat()).map(([pick, owner]) => ({ kind: "update call" as const, pick, owner, ...facts })),
    ),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete call" as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("status change" as const), pick: fc.nat(), to: status }) },
);

let phone = 0;

function ids(table: "candidates" | "calls"): number[] {
  return (db.$client.prepare(`SELECT id FROM ${table} ORDER BY id`).all() as { id: number }[]).map((row) => row.id);
}

function apply(step: Op) {
  const sqlite = db.$client;
  const candidateIds = ids("candidates");
  const pickCandidate = (n: number) => candidateIds[n % candidateIds.length];
  switch (step.kind) {
    case "candidate":
      phone += 1;
      sqlite
        .prepare(
          "INSERT INTO candidates (name, phone, position, status, interview_at, status_changed_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)",
        )
        .run(`C${phone}`, `+9198${String(phone).padStart(8, "0")}`, step.position, step.status, step.interviewAt);
      return;
    case "update candidate": {
      const id = pickCandidate(step.pick);
      if (id === undefined) return;
      sqlite
        .prepare("UPDATE candidates SET position = ?, status = ?, interview_at = ?, attendance = ? WHERE id = ?")
        .run(step.position, step.status, step.interviewAt, step.attendance, id);
      return;
    }
    case "delete candidate": {
      const id = pickCandidate(step.pick);
      if (id !== undefined) sqlite.prepare("DELETE FROM candidates WHERE id = ?").run(id);
      return;
    }
    case "call": {
      const id = pickCandidate(step.pick);
      if (id === undefined) return;
      phone += 1;
      sqlite
        .prepare(
          `INSERT INTO calls (execution_id, candidate_id, outcome, conversation_seconds, answered_by_voicemail, total_cost, local_hour, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
        )
        .run(
          `exec-${phone}`,
          id,
          step.outcome,
          step.conversationSeconds,
          step.voicemail ? 1 : 0,
          step.cost,
          step.localHour,
          step.createdAt,
        );
      return;
    }
    case "update call": {
      const callIds = ids("calls");
      const callId = callIds[step.pick % Math.max(1, callIds.length)];
      // Sometimes the call moves to another candidate: both candidates' figures change.
      const owner = step.owner % 4 === 0 ? pickCandidate(step.owner) : undefined;
      if (callId === undefined) return;
      sqlite
        .prepare(
          `UPDATE calls SET outcome = ?, conversation_seconds = ?, answered_by_voicemail = ?, total_cost = ?, local_hour = ?, created_at = ?,
             candidate_id = coalesce(?, candidate_id) WHERE id = ?`,
        )
        .run(
          step.outcome,
          step.conversationSeconds,
          step.voicemail ? 1 : 0,
          step.cost,
          step.localHour,
          step.createdAt,
          owner ?? null,
          callId,
        );
      return;
    }
    case "delete call": {
      const callIds = ids("calls");
      const callId = callIds[step.pick % Math.max(1, callIds.length)];
      if (callId !== undefined) sqlite.prepare("DELETE FROM calls WHERE id = ?").run(callId);
      return;
    }
    case "status change": {
      const id = pickCandidate(step.pick);
      if (id === undefined) return;
      sqlite
        .prepare(
          "INSERT INTO status_changes (candidate_id, candidate_name, to_status, source, actor, at) VALUES (?, 'x', ?, 'manual', 'test', 0)",
        )
        .run(id, step.to);
      return;
    }
  }
}

type Row = Record<string, number | string | null>;

/** Rows of `sql`, keyed by `key`, with zero rows (what is left after every contribution was taken back) left out. */
function rows(sql: string, key: string[], nonZero: string | null): Map<string, Row> {
  const all = db.$client.prepare(sql).all() as Row[];
  return new Map(
    all
      .filter((row) => nonZero === null || row[nonZero] !== 0)
      .map((row) => [key.map((column) => String(row[column])).join("|"), row]),
  );
}

function expectSame(table: string, key: string[], nonZero: string | null) {
  const kept = rows(`SELECT * FROM ${table}`, key, nonZero);
  const scanned = rows(`SELECT * FROM ${table}_source`, key, nonZero);
  expect([...kept.keys()].sort(), table).toEqual([...scanned.keys()].sort());
  for (const [id, row] of scanned) {
    const mine = kept.get(id)!;
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === "number" && !Number.isInteger(value))
        expect(mine[column], `${table} ${id} ${column}`).toBeCloseTo(value, 6);
      else if (column === "cost") expect(Number(mine[column]), `${table} ${id} ${column}`).toBeCloseTo(Number(value), 6);
      else expect(mine[column], `${table} ${id} ${column}`).toEqual(value);
    }
  }
}

function expectRollupsAgree() {
  expectSame("candidate_status_counts", ["status"], "count");
  expectSame("analytics_candidates", ["candidate_id"], null);
  expectSame("analytics_funnel", ["quarter_hour", "position"], "called");
  expectSame("analytics_call_hours", ["quarter_hour", "position", "local_hour"], "finished");
  expectSame("analytics_slots", ["interview_at", "position"], "candidates");
}

// Zones a quarter hour, half an hour and a whole hour off UTC, one with daylight saving.
const ZONES = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/New_York"] as const;

/** Each `*_days` table against its quarter-hour table added up by `zone`'s days, rows of zeros left out. */
function expectDaysAgree(zone: string) {
  const pairs = [
    { days: "analytics_funnel_days", quarters: "analytics_funnel", key: ["position"], count: "called" },
    { days: "analytics_call_hours_days", quarters: "analytics_call_hours", key: ["position", "local_hour"], count: "finished" },
  ];
  for (const { days, quarters, key, count } of pairs) {
    const expected = new Map<string, Row>();
    for (const { quarter_hour: quarter, ...row } of db.$client.prepare(`SELECT * FROM ${quarters}`).all() as Row[]) {
      const day = dateIn(Number(quarter) * QUARTER_HOUR_MS, zone);
      const id = [day, ...key.map((column) => String(row[column]))].join("|");
      const sum = expected.get(id) ?? { day, ...Object.fromEntries(key.map((column) => [column, row[column]!])) };
      for (const [column, value] of Object.entries(row)) {
        if (!key.includes(column)) sum[column] = Number(sum[column] ?? 0) + Number(value);
      }
      expected.set(id, sum);
    }
    const kept = rows(`SELECT * FROM ${days}`, ["day", ...key], count);
    const wanted = [...expected].filter(([, row]) => row[count] !== 0);
    expect([...kept.keys()].sort(), `${days} in ${zone}`).toEqual(wanted.map(([id]) => id).sort());
    for (const [id, row] of wanted) {
      for (const [column, value] of Object.entries(row)) {
        const mine = kept.get(id)![column];
        if (column === "day" || key.includes(column)) expect(mine, `${days} ${id} ${column}`).toEqual(value);
        else expect(Number(mine), `${days} ${id} ${column}`).toBeCloseTo(Number(value), 6);
      }
    }
  }
}

function reset() {
  db.$client.exec("DELETE FROM status_changes; DELETE FROM candidates;");
}

describe("the rollups kept by triggers and the fold", () => {
  it("equal a scan of the raw rows after random inserts, updates and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Folds between the writes, as the job runs every second: each fold meets the rows and days of the one before.
        fc.array(fc.array(op, { minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        async (batches, zone, next) => {
          reset();
          for (const ops of batches) {
            for (const step of ops) apply(step);
            await foldAnalytics(db, zone);
            expectRollupsAgree();
            expectDaysAgree(zone);
          }
          // The team moves: the day rollups are counted again in the new zone's days.
          await foldAnalytics(db, next);
          expectDaysAgree(next);
          // A bulk rebuild from the views lands on the same figures.
          db.$client.transaction(() => rebuildAnalytics(db.$client))();
          expectRollupsAgree();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("leave nothing behind in their work tables", async () => {
    reset();
    for (const step of fc.sample(op, { numRuns: 200, seed: 15 })) apply(step);
    await foldAnalytics(db, "Asia/Kolkata");
    for (const table of ["analytics_dirty", "analytics_dirty_quarters", "analytics_calls_delta", "analytics_slots_delta"]) {
      expect(db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
  });
});
