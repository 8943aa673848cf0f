import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./client";
import { GroupCommit } from "./group-commit";
import { interviewSlots } from "./schema";
import { tempDatabase, type TempDatabase } from "@/tests/support/temp-database";

let temp: TempDatabase;
let db: Db;
let commits: GroupCommit;

beforeEach(() => {
  temp = tempDatabase("group-commit", "FULL");
  db = temp.db;
  commits = new GroupCommit(() => db);
});

afterEach(() => {
  temp.remove();
});

const addSlot = (minute: number) => (tx: Db) =>
  tx
    .insert(interviewSlots)
    .values({ startsAt: new Date(Date.UTC(2026, 0, 5, 10, minute)) })
    .returning()
    .get().id;
const slotCount = () => db.select({ n: count() }).from(interviewSlots).get()!.n;

// What another connection (another process) sees: only committed rows.
function committedCount(): number {
  const other = openDatabase(temp.file, "FULL");
  try {
    return other.select({ n: count() }).from(interviewSlots).get()!.n;
  } finally {
    other.$client.close();
  }
}

describe("GroupCommit", () => {
  it("runs the jobs of one turn in one transaction and settles them only after COMMIT", async () => {
    const committedAtSettle: number[] = [];
    const jobs = [0, 1, 2].map((minute) => commits.run(addSlot(minute)).then(() => committedAtSettle.push(committedCount())));
    expect(slotCount()).toBe(0); // nothing ran yet: the batch waits for the end of this turn
    await Promise.all(jobs);
    expect(committedAtSettle).toEqual([3, 3, 3]);
  });

  it("rolls back only the job that throws; the others commit", async () => {
    const results = await Promise.allSettled([
      commits.run(addSlot(0)),
      commits.run((tx) => {
        addSlot(1)(tx);
        throw new Error("this delivery is broken");
      }),
      commits.run(addSlot(2)),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(committedCount()).toBe(2);
    expect(
      db
        .select()
        .from(interviewSlots)
        .where(eq(interviewSlots.startsAt, new Date(Date.UTC(2026, 0, 5, 10, 1))))
        .get(),
    ).toBeUndefined();
  });

  it("rejects every job of the batch when the transaction cannot commit", async () => {
    // Another connection holds the write lock longer than busy_timeout allows: BEGIN IMMEDIATE fails.
    const other = openDatabase(temp.file, "FULL");
    other.$client.pragma("busy_timeout = 0");
    db.$client.pragma("busy_timeout = 0");
    other.$client.exec("BEGIN IMMEDIATE");
    try {
      const results = await Promise.allSettled([commits.run(addSlot(0)), commits.run(addSlot(1))]);
      expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    } finally {
      other.$client.exec("ROLLBACK");
      other.$client.close();
    }
    expect(committedCount()).toBe(0);
    // The next batch works again.
    await commits.run(addSlot(3));
    expect(committedCount()).toBe(1);
  });

  it("takes at most maxBatch jobs per transaction, urgent ones first, so an urgent job waits for one batch at most", async () => {
    const capped = new GroupCommit(() => db, { maxBatch: 2 });
    // Each job records which batch it ran in: how many transactions had committed before it ran.
    const order: string[] = [];
    const job = (name: string, minute: number) => (tx: Db) => {
      order.push(`${name}@${committedCount()}`);
      return addSlot(minute)(tx);
    };
    const queued = [0, 1, 2, 3].map((minute) => capped.run(job(`d${minute}`, minute)));
    const urgent = capped.run(job("agent", 9), { urgent: true });
    await Promise.all([...queued, urgent]);
    expect(order).toEqual(["agent@0", "d0@0", "d1@2", "d2@2", "d3@4"]);
    expect(slotCount()).toBe(5);
  });
});
