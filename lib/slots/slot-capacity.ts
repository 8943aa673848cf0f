import { and, count, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { formatInstant } from "@/lib/time/format";

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
    .where(and(eq(candidates.interviewAt, startsAt), ne(candidates.status, "declined"), ne(candidates.id, exceptCandidateId)))
    .get();
  return (booked?.n ?? 0) < slot.capacity;
}

/** How many candidates hold the interview time `startsAt` (declined ones hold none). */
export function bookedAt(db: Reader, startsAt: Date): number {
  const booked = db
    .select({ n: count() })
    .from(candidates)
    .where(and(eq(candidates.interviewAt, startsAt), ne(candidates.status, "declined")))
    .get();
  return booked?.n ?? 0;
}

export const capacityBelowBookings = (booked: number) =>
  new ApiError(
    "capacity_below_bookings",
    `${booked} candidate${booked === 1 ? " is" : "s are"} booked at this time; the capacity cannot go below ${booked}.`,
    "capacity",
  );

export function slotFull(startsAt: Date): ApiError {
  const when = formatInstant(startsAt, env().INTERVIEW_TIMEZONE);
  return new ApiError(
    "slot_full",
    `The interview slot on ${when} is fully booked: raise its capacity or move a candidate first.`,
  );
}

/**
 * Refuses (409 slot_full) when a pool slot at one of `instants` holds more candidates than it has places. Run
 * after the writes, inside their transaction: a refusal undoes them, and a change that moves several candidates
 * at once (reset all) is judged by where everyone ends up, not by the order it moved them in.
 */
export function assertNotOverbooked(db: Reader, instants: Iterable<Date>): void {
  const seen = new Set<number>();
  for (const startsAt of instants) {
    if (seen.has(startsAt.getTime())) continue;
    seen.add(startsAt.getTime());
    const slot = db
      .select({ capacity: interviewSlots.capacity })
      .from(interviewSlots)
      .where(eq(interviewSlots.startsAt, startsAt))
      .get();
    if (slot && bookedAt(db, startsAt) > slot.capacity) throw slotFull(startsAt);
  }
}
