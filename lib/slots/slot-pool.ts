import { asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";
import type { CandidateStatus } from "@/db/values";
import { listSlots } from "./manage-slots";

type SlotBooking = { id: number; name: string; status: CandidateStatus };
export type PoolSlot = { id: number; startsAt: Date; capacity: number; booked: number; bookings: SlotBooking[] };

/**
 * The pool with who holds each slot, for the slots page. One read transaction, so the counts and the names
 * come from the same snapshot even while webhooks move candidates around.
 */
export function listSlotPool(db: Db): PoolSlot[] {
  return db.transaction((tx) => {
    // One connection: listSlots reads inside this transaction too.
    const slots = listSlots(db);
    const holders = tx
      .select({ id: candidates.id, name: candidates.name, status: candidates.status, startsAt: interviewSlots.startsAt })
      .from(candidates)
      .innerJoin(interviewSlots, eq(candidates.interviewAt, interviewSlots.startsAt))
      .where(ne(candidates.status, "declined"))
      .orderBy(asc(candidates.name), asc(candidates.id))
      .all();
    const bySlot = new Map<number, SlotBooking[]>();
    for (const { startsAt, ...booking } of holders) {
      const key = startsAt.getTime();
      bySlot.set(key, [...(bySlot.get(key) ?? []), booking]);
    }
    return slots.map((slot) => ({ ...slot, bookings: bySlot.get(slot.startsAt.getTime()) ?? [] }));
  });
}
