import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { callTotals, calls, candidates } from "@/db/schema";
import { phoneSearchDigits } from "@/lib/phone/normalize-phone";
import { queryCandidates } from "./query-candidates";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

// The board's search (a trigram index kept by triggers) and call figures (running sums kept by triggers) are
// checked against what a plain scan of the tables says, after random writes, on a real SQLite file.

let db: Db;
let temp: TempDatabase;

beforeAll(() => {
  temp = tempDatabase("board-queries");
  db = temp.db;
});

afterAll(() => {
  temp.remove();
});

const RUNS = process.env.LONG === "1" ? 300 : 40;
const now = new Date("2026-01-05T10:00:00Z");

const word = fc.string({ unit: fc.constantFrom(..."abcKLMxyzéüÜ %_\"'-"), minLength: 1, maxLength: 8 });
// What the index compares: case and diacritics folded ("Müller" and "muller" are one name).
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const candidateRow = fc.record({
  name: word,
  email: fc.option(
    word.map((local) => `${local}@example.com`),
    { nil: null },
  ),
  // Interviews on both sides of now (the board lists upcoming ones first), some at the same time.
  hoursFromNow: fc.integer({ min: -2, max: 2 }),
  status: fc.constantFrom("pending", "confirmed"),
});
type CandidateRow = { name: string; email: string | null; hoursFromNow?: number; status?: "pending" | "confirmed" };
const callRow = fc.record({
  outcome: fc.constantFrom(null, "confirmed", "declined", "no_answer"),
  conversationSeconds: fc.constantFrom(null, 0, 12.5, 40),
  totalCost: fc.constantFrom(null, 0, 0.25, 1.5),
});

function resetTables() {
  // Every row, on purpose: each property run starts from an empty board.
  // eslint-disable-next-line drizzle/enforce-delete-with-where
  db.delete(candidates).run();
}

function insertRows(rows: CandidateRow[]): number[] {
  return rows.map(
    ({ hoursFromNow = 0, ...row }, i) =>
      db
        .insert(candidates)
        .values({
          ...row,
          phone: `+91981${String(i).padStart(7, "0")}`,
          interviewAt: new Date(now.getTime() + hoursFromNow * 3_600_000),
          statusChangedAt: now,
          updatedAt: now,
        })
        .returning({ id: candidates.id })
        .get().id,
  );
}

/** The board's default order: upcoming interviews first, soonest first, then the past ones, latest first. */
function upcomingFirst(rows: { id: number; interviewAt: Date }[]): number[] {
  const key = (row: { id: number; interviewAt: Date }) => [row.interviewAt.getTime(), row.id] as const;
  const ascending = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    const [at, ai] = key(a);
    const [bt, bi] = key(b);
    return at - bt || ai - bi;
  };
  const upcoming = rows.filter((row) => row.interviewAt >= now).sort(ascending);
  const past = rows.filter((row) => row.interviewAt < now).sort((a, b) => ascending(b, a));
  return [...upcoming, ...past].map((row) => row.id);
}

describe("board search", () => {
  it("finds exactly the candidates whose name, e-mail, phone or call's execution id matches, in the board's order", () => {
    fc.assert(
      fc.property(fc.array(candidateRow, { minLength: 1, maxLength: 12 }), word, fc.nat(), (rows, typed, pick) => {
        resetTables();
        const ids = insertRows(rows);
        // Renames go through the update trigger.
        const renamed = ids[pick % ids.length]!;
        db.update(candidates)
          .set({ name: `${typed} renamed` })
          .where(eq(candidates.id, renamed))
          .run();
        // A call whose execution id is what was typed: its candidate is found by it too.
        const caller = ids[(pick + 1) % ids.length]!;
        if (typed.trim()) db.insert(calls).values({ executionId: typed.trim(), candidateId: caller, updatedAt: now }).run();
        const stored = db.select().from(candidates).all();
        const queries = [typed.trim(), stored[pick % stored.length]!.name.slice(1, 5).trim(), "981000000", "0981000 0001"];
        for (const q of queries) {
          if (!q) continue;
          // A phone is searched only for text that is a phone number, national or not (lib/phone/normalize-phone.ts).
          const digits = phoneSearchDigits(q, "IN");
          // Below three characters the search is a LIKE, which folds ASCII case only.
          const short = [...q].length < 3;
          const ascii = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
          const contains = (text: string) => (short ? ascii(text).includes(ascii(q)) : folded(text).includes(folded(q)));
          for (const status of [undefined, "confirmed"] as const) {
            const expected = upcomingFirst(
              stored.filter(
                (row) =>
                  (status === undefined || row.status === status) &&
                  (contains(row.name) ||
                    contains(row.email ?? "") ||
                    (!short && digits !== null && row.phone.includes(digits)) ||
                    (q === typed.trim() && row.id === caller)),
              ),
            );
            const what = `q=${JSON.stringify(q)} status=${status}`;
            const query = { q, status, sort: "interview", dir: "asc", page: 1, pageSize: 200 } as const;
            const clock = { now, stuckAfterMs: 60_000, zone: "UTC" };
            const found = queryCandidates(db, query, clock);
            expect(
              found.candidates.map((row) => row.id),
              what,
            ).toEqual(expected);
            expect(found.total).toBe(expected.length);
            expect(found.more).toBe(false);
            // Page by page (three rows each), across the turn from upcoming to past interviews.
            for (let number = 1; (number - 1) * 3 < expected.length; number++) {
              const onPage = queryCandidates(db, { ...query, page: number, pageSize: 3 }, clock);
              expect(
                onPage.candidates.map((row) => row.id),
                `${what} page ${number}`,
              ).toEqual(expected.slice((number - 1) * 3, number * 3));
            }
            // The board stops counting where its page no longer needs to: the same rows, a total that says so.
            for (const atMost of [1, 3, expected.length]) {
              const counted = queryCandidates(db, query, clock, atMost);
              expect(counted.candidates, `${what} at most ${atMost}`).toEqual(found.candidates);
              expect({ total: counted.total, more: counted.more }).toEqual({
                total: Math.min(expected.length, atMost),
                more: expected.length > atMost,
              });
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("board call figures", () => {
  it("the running sums equal a scan of the calls after inserts, updates and deletes", () => {
    fc.assert(
      fc.property(
        fc.array(callRow, { minLength: 1, maxLength: 15 }),
        fc.array(callRow, { maxLength: 15 }),
        fc.nat(),
        (first, changes, drop) => {
          resetTables();
          const [owner, other] = insertRows([
            { name: "Owner", email: null },
            { name: "Other", email: null },
          ]);
          const ids = first.map(
            (row, i) =>
              db
                .insert(calls)
                .values({ ...row, executionId: `exec-${i}`, candidateId: i % 2 ? owner! : other!, updatedAt: now })
                .returning({ id: calls.id })
                .get().id,
          );
          changes.forEach((row, i) =>
            db
              .update(calls)
              .set(row)
              .where(eq(calls.id, ids[i % ids.length]!))
              .run(),
          );
          // Deleting a candidate removes its calls by cascade.
          if (drop % 2) db.delete(candidates).where(eq(candidates.id, owner!)).run();

          const scan = db
            .select({
              finished: sql<number>`count(${calls.outcome})`,
              answered: sql<number>`count(case when ${calls.conversationSeconds} > 0 and ${calls.outcome} is not null then 1 end)`,
              conversationSeconds: sql<number>`coalesce(sum(case when ${calls.conversationSeconds} > 0 then ${calls.conversationSeconds} end), 0)`,
              conversations: sql<number>`count(case when ${calls.conversationSeconds} > 0 then 1 end)`,
              cost: sql<number>`coalesce(sum(${calls.totalCost}), 0)`,
            })
            .from(calls)
            .get()!;
          const totals = db.select().from(callTotals).get()!;
          expect({ ...totals, id: undefined, cost: undefined, conversationSeconds: undefined }).toEqual({
            ...scan,
            cost: undefined,
            conversationSeconds: undefined,
          });
          expect(totals.cost).toBeCloseTo(scan.cost, 9);
          expect(totals.conversationSeconds).toBeCloseTo(scan.conversationSeconds, 9);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
