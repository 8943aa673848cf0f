import { and, asc, eq, gt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidateReschedulingSlots, candidates, interviewSlots, type Candidate } from "@/db/schema";

export type OfferedSlot = { id: number; startsAt: Date; capacity: number; booked: number };

type Reader = Pick<Db, "select">;

const MAX_OFFERED = 30;

// Declined candidates hold no place (as in lib/slots/slot-capacity.ts).
const booked = sql<number>`(select count(*) from ${candidates} where ${candidates.interviewAt} = ${interviewSlots.startsAt} and ${candidates.status} != 'declined')`;

/** The pool slots a recruiter allowed this candidate, or the whole pool when they allowed none (as the agent offers). */
function candidateSlotIds(db: Reader, candidateId: number): Set<number> | null {
  const rows = db
    .select({ slotId: candidateReschedulingSlots.slotId })
    .from(candidateReschedulingSlots)
    .where(eq(candidateReschedulingSlots.candidateId, candidateId))
    .all();
  return rows.length > 0 ? new Set(rows.map((row) => row.slotId)) : null;
}

/** Whether the candidate may be moved to this slot at all (it is theirs to choose from). */
export function isOffered(db: Reader, candidateId: number, slotId: number): boolean {
  const allowed = candidateSlotIds(db, candidateId);
  return allowed === null || allowed.has(slotId);
}

/**
 * The slots a candidate may move to on the self-service page: offered to them, not their current time, starting
 * after `earliest` (now plus the cutoff), with a free place. The soonest first.
 */
export function offeredSlots(db: Reader, candidate: Pick<Candidate, "id" | "interviewAt">, earliest: Date): OfferedSlot[] {
  const allowed = candidateSlotIds(db, candidate.id);
  return db
    .select({ id: interviewSlots.id, startsAt: interviewSlots.startsAt, capacity: interviewSlots.capacity, booked })
    .from(interviewSlots)
    .where(and(gt(interviewSlots.startsAt, earliest), ne(interviewSlots.startsAt, candidate.interviewAt)))
    .orderBy(asc(interviewSlots.startsAt))
    .all()
    .filter((slot) => slot.booked < slot.capacity && (allowed === null || allowed.has(slot.id)))
    .slice(0, MAX_OFFERED);
}
