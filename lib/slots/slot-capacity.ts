import { and, count, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";

type Reader = Pick<Db, "select">;

/**
 * Whether one more candidate fits the pool slot at `startsAt`. A time outside the pool has no capacity to
 * respect (the agent only offers pool slots; a recruiter may have edited the pool since).
 */
export function slotHasRoom(db: Reader, startsAt: Date, exceptCandidateId: number): boolean {
  const slot = db
    .select({ capacity: interviewSlots.capacity })
    .from(interviewSlots)
    .where(eq(interviewSlots.startsAt, startsAt))
    .get();
  if (!slot) return true;
  const booked = db
    .select({ n: count() })
    .from(candidates)
    .where(
      and(
        eq(candidates.interviewAt, startsAt),
        ne(candidates.status, "declined"),
        ne(candidates.id, exceptCandidateId),
      ),
    )
    .get();
  return (booked?.n ?? 0) < slot.capacity;
}
