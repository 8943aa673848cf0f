import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { interviewSlots } from "@/db/schema";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { listSlotPool, NAMES_PER_SLOT } from "./slot-pool";

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("slot-pool"));
});
afterAll(() => db.$client.close());

describe("listSlotPool", () => {
  it("counts everyone who holds a slot and names the first of them by name, however many there are", () => {
    const busy = new Date("2027-03-01T10:00:00Z");
    const quiet = new Date("2027-03-01T11:00:00Z");
    db.insert(interviewSlots)
      .values([{ startsAt: busy, capacity: 40 }, { startsAt: quiet }])
      .run();
    const names = Array.from({ length: NAMES_PER_SLOT + 5 }, (_, i) => `Holder ${String(i).padStart(2, "0")}`);
    for (const name of [...names].reverse()) insertCandidate(db, { name, interviewAt: busy });
    insertCandidate(db, { name: "Gone", interviewAt: busy, status: "declined" });

    const [busySlot, quietSlot] = listSlotPool(db);
    expect(busySlot).toMatchObject({ booked: NAMES_PER_SLOT + 5, capacity: 40 });
    expect(busySlot!.bookings.map((booking) => booking.name)).toEqual(names.slice(0, NAMES_PER_SLOT));
    expect(quietSlot).toMatchObject({ booked: 0, bookings: [] });
  });
});
