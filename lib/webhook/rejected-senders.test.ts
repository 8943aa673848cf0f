import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rejectedSenders } from "@/db/schema";
import { openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { OVERFLOW_SENDER, REJECTED_SENDER_LIMITS, RejectedSenderLog } from "./rejected-senders";

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("rejected-senders"));
});
afterAll(() => db.$client.close());

const rows = () => db.select({ n: count() }).from(rejectedSenders).get()!.n;

describe("RejectedSenderLog", () => {
  // An IPv6 sender holds billions of addresses: each one used to become a row of its own, for good.
  it("keeps memory and the table bounded however many addresses a flood comes from", () => {
    const log = new RejectedSenderLog(() => db);
    const at = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5_000; i++) log.record(`2001:db8::${i.toString(16)}`, "not on the allowlist", at);
    log.flush();
    expect(rows()).toBeLessThanOrEqual(REJECTED_SENDER_LIMITS.rows + 1);
    const overflow = db.select().from(rejectedSenders).where(eq(rejectedSenders.ip, OVERFLOW_SENDER)).get();
    expect(overflow?.count).toBe(5_000 - REJECTED_SENDER_LIMITS.pending);

    // Later floods push the oldest rows out; the newest addresses are the ones kept.
    for (let round = 1; round <= 3; round++) {
      const later = new Date(at.getTime() + round * 60_000);
      for (let i = 0; i < 900; i++) log.record(`2001:db8:${round}::${i.toString(16)}`, "not on the allowlist", later);
      log.flush();
    }
    expect(rows()).toBe(REJECTED_SENDER_LIMITS.rows + 1);
    expect(db.select().from(rejectedSenders).where(eq(rejectedSenders.ip, "2001:db8:3::1")).get()?.count).toBe(1);
    expect(db.select().from(rejectedSenders).where(eq(rejectedSenders.ip, "2001:db8::1")).get()).toBeUndefined();
  });
});
