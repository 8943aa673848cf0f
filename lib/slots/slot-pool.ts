import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import type { CandidateStatus } from "@/db/values";
import { listSlots } from "./manage-slots";

/** Names shown per slot; the count says how many hold it (a busy slot can hold hundreds). */
export const NAMES_PER_SLOT = 20;

type SlotBooking = { id: number; name: string; status: CandidateStatus };
export type PoolSlot = { id: number; startsAt: Date; capacity: number; booked: number; bookings: SlotBooking[] };

/**
 * The pool with who holds each slot (the first NAMES_PER_SLOT by name), for the slots page. One read
 * transaction, so the counts and the names come from the same snapshot even while webhooks move candidates
 * around; each slot's names are read through the interview-time index, never every candidate at once.
 */
export function listSlotPool(db: Db): PoolSlot[] {
  return db.transaction((tx) => {
    const holders = tx
      .select({ id: candidates.id, name: candidates.name, status: candidates.status })
      .from(candidates)
      .where(and(eq(candidates.interviewAt, sql.placeholder("startsAt")), ne(candidates.status, "declined")))
      .orderBy(asc(candidates.name), asc(candidates.id))
      .limit(NAMES_PER_SLOT)
      .prepare();
    // One connection: listSlots reads inside this transaction too.
    return listSlots(db).map((slot) => ({
      ...slot,
      bookings: slot.booked === 0 ? [] : holders.all({ startsAt: slot.startsAt.getTime() }),
    }));
  });
}
