import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

  describe("with the WAL synced off the event loop", () => {
    it("commits without the connection's own sync, and settles only after the WAL sync that follows COMMIT", async () => {
      const syncs: { committedWhenCalled: number; finish: () => void }[] = [];
      const synced = new GroupCommit(() => db, {
        syncWal: () => new Promise<void>((resolve) => syncs.push({ committedWhenCalled: committedCount(), finish: resolve })),
      });
      let settled = 0;
      const first = [0, 1].map((minute) => synced.run(addSlot(minute)).then(() => settled++));
      await vi.waitFor(() => expect(syncs).toHaveLength(1));
      expect(db.$client.pragma("synchronous", { simple: true })).toBe(1); // NORMAL
      // The sync starts after COMMIT (another connection already reads both rows), and nobody is answered yet.
      expect(syncs[0]!.committedWhenCalled).toBe(2);
      expect(settled).toBe(0);
      // A batch that commits while that sync runs waits for the next one.
      const second = synced.run(addSlot(2)).then(() => settled++);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(committedCount()).toBe(3);
      expect(syncs).toHaveLength(1);
      syncs[0]!.finish();
      await Promise.all(first);
      expect(settled).toBe(2);
      await vi.waitFor(() => expect(syncs).toHaveLength(2));
      expect(syncs[1]!.committedWhenCalled).toBe(3);
      syncs[1]!.finish();
      await second;
      expect(settled).toBe(3);
    });

    it("answers a batch whose sync is quick before the next batch runs, and runs the next batches under a slow one", async () => {
      const events: string[] = [];
      let slowSync: (() => void) | undefined;
      const synced = new GroupCommit(() => db, {
        maxBatch: 1,
        // A quick disk answers by the next turn's timers (as its I/O would, before a batch that waits a millisecond);
        // a slow one when the test says.
        syncWal: () => new Promise<void>((resolve) => (slowSync === undefined ? setTimeout(resolve, 0) : (slowSync = resolve))),
      });
      const job = (name: string, minute: number) => (tx: Db) => {
        events.push(`run ${name}`);
        return addSlot(minute)(tx);
      };
      const settled = (name: string, minute: number) => synced.run(job(name, minute)).then(() => events.push(`answered ${name}`));
      await Promise.all([settled("a", 0), settled("b", 1)]);
      expect(events).toEqual(["run a", "answered a", "run b", "answered b"]);

      events.length = 0;
      slowSync = () => {};
      const slow = [settled("c", 2), settled("d", 3)];
      await vi.waitFor(() => expect(events).toEqual(["run c", "run d"]));
      const finish = slowSync;
      slowSync = undefined;
      finish();
      await Promise.all(slow);
      expect(events).toEqual(["run c", "run d", "answered c", "answered d"]);
    });

    it("rejects every job the failed sync covered", async () => {
      const synced = new GroupCommit(() => db, { syncWal: () => Promise.reject(new Error("EIO: the disk failed")) });
      const results = await Promise.allSettled([synced.run(addSlot(0)), synced.run(addSlot(1))]);
      expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    });

    it("syncs the real WAL file with fdatasync", async () => {
      const synced = new GroupCommit(() => db, { walFile: `${temp.file}-wal` });
      await Promise.all([0, 1, 2].map((minute) => synced.run(addSlot(minute))));
      expect(committedCount()).toBe(3);
    });
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
