import type { Db } from "@/db/client";
import { preparedFor } from "@/db/prepared";
import { addDays, dateIn, dayStart, daysBetween, QUARTER_HOUR_MS, quarterOf } from "./team-days";
import { pauseAfterWrite } from "@/db/write-pause";

/**
 * The quarter-hour rollups added up by the team's day (analytics_funnel_days, analytics_call_hours_days), so that
 * a 90-day page reads a few hundred rows instead of every quarter hour of every position. A cache in one zone,
 * never the truth: writes mark the quarter hours they change (analytics_dirty_quarters) and the fold recounts
 * those quarters' days a second later; a change of INTERVIEW_TIMEZONE refills it day by day, while the reads use
 * the quarter hours themselves (lib/analytics/read-rollups.ts).
 */

/**
 * One day rollup: `table` holds, per day and `keys`, the sums of `values` over that day's quarter hours of
 * `source`; a group whose first value sums to 0 has no row (nothing was counted in it).
 */
type DayRollup = { table: string; source: string; keys: string[]; values: string[] };

const FUNNEL: DayRollup = {
  table: "analytics_funnel_days",
  source: "analytics_funnel",
  keys: ["position"],
  values: ["called", "reached", "attempts_to_reach", "confirmed", "declined", "attended", "no_show", "cost"],
};
const HOURS: DayRollup = {
  table: "analytics_call_hours_days",
  source: "analytics_call_hours",
  keys: ["position", "local_hour"],
  values: ["finished", "answered"],
};

type Row = unknown[];

/**
 * Recounts one day of a rollup from its quarter hours and writes only what differs from the day's rows: most of
 * a day's groups are as they were (a second of deliveries changes a few), and rewriting every one of them made
 * the fold write twice the WAL.
 */
function dayRecounter(sqlite: Db["$client"], { table, source, keys, values }: DayRollup) {
  const columns = [...keys, ...values];
  const sums = sqlite
    .prepare(
      `SELECT ${keys.join(", ")}, ${values.map((value) => `sum(${value})`).join(", ")} FROM ${source}
       WHERE quarter_hour >= ? AND quarter_hour < ? GROUP BY ${keys.join(", ")} HAVING sum(${values[0]}) != 0`,
    )
    .raw();
  const cached = sqlite.prepare(`SELECT ${columns.join(", ")} FROM ${table} WHERE day = ?`).raw();
  const put = sqlite.prepare(
    `INSERT INTO ${table} (day, ${columns.join(", ")}) VALUES (?, ${columns.map(() => "?").join(", ")})
     ON CONFLICT (day, ${keys.join(", ")}) DO UPDATE SET ${values.map((value) => `${value} = excluded.${value}`).join(", ")}`,
  );
  const drop = sqlite.prepare(`DELETE FROM ${table} WHERE day = ? AND ${keys.map((key) => `${key} = ?`).join(" AND ")}`);
  const keyOf = (row: Row) => JSON.stringify(row.slice(0, keys.length));
  return (day: string, from: number, to: number) => {
    const before = new Map((cached.all(day) as Row[]).map((row) => [keyOf(row), row]));
    for (const row of sums.all(from, to) as Row[]) {
      const key = keyOf(row);
      const was = before.get(key);
      before.delete(key);
      if (!was || row.some((value, i) => value !== was[i])) put.run(day, ...row);
    }
    for (const gone of before.values()) drop.run(day, ...gone.slice(0, keys.length));
  };
}

/**
 * Days per transaction, folding or refilling: a few milliseconds each of the writer thread that folds (a second
 * of deliveries marks dozens of days, and an agent's booking waits for the write lock meanwhile).
 */
const DAYS_PER_TRANSACTION = 7;
/** Marked quarter hours per transaction in the usual fold. */
const BATCH = 500;

const statements = preparedFor((db) => {
  const sqlite = db.$client;
  const quarters = "quarter_hour >= ? AND quarter_hour < ?";
  const recountFunnel = dayRecounter(sqlite, FUNNEL);
  const recountHours = dayRecounter(sqlite, HOURS);
  const unmark = sqlite.prepare(`DELETE FROM analytics_dirty_quarters WHERE ${quarters}`);
  const state = sqlite.prepare("SELECT zone, ready FROM analytics_days_zone");
  const setState = sqlite.prepare(
    "INSERT INTO analytics_days_zone (id, zone, ready) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET zone = excluded.zone, ready = excluded.ready",
  );
  const marked = sqlite.prepare("SELECT quarter_hour FROM analytics_dirty_quarters LIMIT ?").pluck();
  const span = sqlite
    .prepare(
      `SELECT min(first), max(last) FROM (SELECT min(quarter_hour) AS first, max(quarter_hour) AS last FROM analytics_funnel
       UNION ALL SELECT min(quarter_hour), max(quarter_hour) FROM analytics_call_hours)`,
    )
    .raw();

  /** One day in the zone, recounted from its quarter hours; its marks are done with. */
  const recountDay = (day: string, zone: string) => {
    const from = quarterOf(dayStart(day, zone));
    const to = quarterOf(dayStart(addDays(day, 1), zone));
    recountFunnel(day, from, to);
    recountHours(day, from, to);
    unmark.run(from, to);
  };

  return {
    state: () => state.get() as { zone: string; ready: number } | undefined,
    // Immediate: each reads the quarter hours, then writes the days.
    recountDays: sqlite.transaction((days: string[], zone: string) => days.forEach((day) => recountDay(day, zone))),
    /** Up to `limit` marked quarter hours, as the days they fall on. */
    markedDays: (limit: number, zone: string) => [
      ...new Set((marked.all(limit) as number[]).map((quarter) => dateIn(quarter * QUARTER_HOUR_MS, zone))),
    ],
    restart: sqlite.transaction((zone: string) => {
      setState.run(zone, 0);
      sqlite.exec(
        "DELETE FROM analytics_funnel_days; DELETE FROM analytics_call_hours_days; DELETE FROM analytics_dirty_quarters",
      );
      const [first, last] = span.get() as [number | null, number | null];
      if (first === null || last === null) return [];
      const from = dateIn(first * QUARTER_HOUR_MS, zone);
      return Array.from({ length: daysBetween(from, dateIn(last * QUARTER_HOUR_MS, zone)) }, (_, i) => addDays(from, i));
    }),
    ready: (zone: string) => setState.run(zone, 1),
  };
});

/** Whether the day rollups hold the team's days in `zone`; the reads use them only then. */
export function dayCacheReady(db: Db, zone: string): boolean {
  const state = statements(db).state();
  return state?.zone === zone && state.ready === 1;
}

/** Recounts `days`, a week of them per transaction, with the write lock free in between (db/write-pause.ts). */
async function recountDays(db: Db, days: string[], zone: string): Promise<void> {
  let started = 0;
  for (let first = 0; first < days.length; first += DAYS_PER_TRANSACTION) {
    if (first > 0) await pauseAfterWrite(started);
    started = performance.now();
    statements(db).recountDays.immediate(days.slice(first, first + DAYS_PER_TRANSACTION), zone);
  }
}

/** Refills the day rollups for `zone` from the quarter hours. */
async function refill(db: Db, zone: string): Promise<void> {
  const query = statements(db);
  await recountDays(db, query.restart.immediate(zone), zone);
  query.ready(zone);
}

/**
 * Brings the day rollups up to date for `zone`: the days of the quarter hours marked since the last fold are
 * recounted, or, after a change of zone, every day is (reads use the quarter hours meanwhile).
 */
export async function foldDays(db: Db, zone: string): Promise<void> {
  if (!dayCacheReady(db, zone)) return refill(db, zone);
  for (;;) {
    const days = statements(db).markedDays(BATCH, zone);
    if (days.length === 0) return;
    await recountDays(db, days, zone);
  }
}
