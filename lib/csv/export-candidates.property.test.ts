import { eq } from "drizzle-orm";
import fc from "fast-check";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { CALL_OUTCOMES, CANDIDATE_STATUSES } from "@/db/values";
import { EXPORT_COLUMNS, escapeFormula, unescapeFormula, writeCsv } from "./csv-format";
import { EXPORT_PAGE_SIZE, exportPieces } from "./export-candidates";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// A webhook `status` of `=HYPERLINK(...)` reached the export's call_status column unescaped, because only
// some columns went through the escape. Every column is written from stored text here, on a real SQLite file.

let db: Db;
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("csv-export");
  db = temp.db;
});

afterAll(() => {
  temp.remove();
});

const RUNS = process.env.LONG === "1" ? 500 : 60;

/**
 * What a spreadsheet runs, stated independently of the implementation: = + - @ (or full-width) after optional
 * spaces, or a leading tab or line break, unless the whole cell is a plain number.
 */
const runsAsFormula = (cell: string) =>
  /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell);

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r", "\n", " =", "＝", "'=", "''+", '=HYPERLINK("http://evil.test","x")'];
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom(...TRIGGERS), fc.string({ maxLength: 20 })).map(([start, rest]) => start + rest),
  fc.constantFrom("+919800000001", "-5", "12.5", "'", "''", ""),
);

describe("formula escape", () => {
  it("unescapeFormula is the exact inverse of escapeFormula, and an escaped cell never runs", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const escaped = escapeFormula(value);
        expect(unescapeFormula(escaped)).toBe(value);
        expect(runsAsFormula(escaped)).toBe(false);
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it("writeCsv escapes every column of every row", () => {
    const row = fc.record(
      Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, hostile])) as Record<string, typeof hostile>,
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const parsed = Papa.parse<string[]>(writeCsv(rows, EXPORT_COLUMNS), { skipEmptyLines: false }).data.slice(1);
        expect(parsed).toHaveLength(rows.length);
        for (const cells of parsed) for (const cell of cells) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

const exported = async (query: Parameters<typeof exportPieces>[1]) =>
  [...exportPieces(db, query, "Asia/Kolkata", { now: new Date(), stuckAfterMs: 600_000, zone: "Asia/Kolkata" })].join("");

describe("exportPieces", () => {
  it("no stored text, in any column, comes out as a formula", async () => {
    const stored = fc.record({
      name: hostile,
      email: fc.option(hostile, { nil: null }),
      position: fc.option(hostile, { nil: null }),
      callStatus: fc.option(hostile, { nil: null }),
      status: fc.constantFrom(...CANDIDATE_STATUSES),
      outcome: fc.option(fc.constantFrom(...CALL_OUTCOMES), { nil: null }),
    });
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(stored, async (values) => {
        sequence += 1;
        const now = new Date();
        const candidate = db
          .insert(candidates)
          .values({
            name: values.name,
            phone: `+9196${String(sequence).padStart(8, "0")}`,
            email: values.email,
            position: values.position,
            status: values.status,
            callStatus: values.callStatus,
            interviewAt: now,
            statusChangedAt: now,
            lastCallAt: now,
            updatedAt: now,
          })
          .returning({ id: candidates.id })
          .get();
        const call = db
          .insert(calls)
          .values({ executionId: `exec-${sequence}`, candidateId: candidate.id, outcome: values.outcome, updatedAt: now })
          .returning({ id: calls.id })
          .get();
        db.update(candidates).set({ latestCallId: call.id }).where(eq(candidates.id, candidate.id)).run();

        const csv = await exported({ q: undefined });
        const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
        expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
        for (const cells of rows.slice(1)) {
          expect(cells).toHaveLength(EXPORT_COLUMNS.length);
          for (const cell of cells) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
        }
        db.delete(candidates).where(eq(candidates.id, candidate.id)).run();
      }),
      { numRuns: RUNS },
    );
  });
});

describe("exportPieces pages", () => {
  it("writes every matching candidate once, in interview order, across pages, with the board's filters", async () => {
    // 23:50 IST on 31 December 2029: the first hundred interviews fall on that day, the rest on 1 January.
    const at = Date.UTC(2029, 11, 31, 18, 20);
    const count = EXPORT_PAGE_SIZE * 2 + 7;
    db.insert(candidates)
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `Paged ${String(i).padStart(4, "0")}`,
          phone: `+9197${String(i).padStart(8, "0")}`,
          status: i % 3 === 0 ? ("confirmed" as const) : ("pending" as const),
          // Many share an interview time: the page boundary falls inside a run of equal times.
          interviewAt: new Date(at + Math.floor(i / 10) * 60_000),
          statusChangedAt: new Date(at),
          updatedAt: new Date(at),
        })),
      )
      .run();
    const names = (csv: string) =>
      Papa.parse<string[]>(csv, { skipEmptyLines: true })
        .data.slice(1)
        .map((cells) => cells[0]!)
        .filter((name) => name.startsWith("Paged "));
    const all = names(await exported({ q: "Paged" }));
    expect(all).toHaveLength(count);
    expect(all).toEqual([...all].sort());
    const confirmed = names(await exported({ q: "Paged", status: "confirmed" }));
    expect(confirmed).toHaveLength(Math.ceil(count / 3));
    // The interview-day filter reads days on the team's clock (Asia/Kolkata here), as the board does.
    const newYear = names(await exported({ q: "Paged", interviewFrom: "2030-01-01", interviewTo: "2030-01-01" }));
    expect(newYear).toEqual(all.slice(100));
  });
});
