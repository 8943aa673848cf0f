import { and, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { candidates, interviewSlots, type InterviewSlot } from "@/db/schema";
import { ApiError, notFound } from "@/lib/http/api-error";

export const capacityInput = z.object({
  capacity: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000"),
});

/**
 * Sets how many interviews a slot holds. Never below the candidates already booked into it: the check and the
 * write share one IMMEDIATE transaction, so a booking that lands in between cannot be squeezed out.
 */
export function changeSlotCapacity(db: Db, id: number, capacity: number): InterviewSlot {
  return db.transaction(
    (tx) => {
      const slot = tx.select().from(interviewSlots).where(eq(interviewSlots.id, id)).get();
      if (!slot) throw notFound(`Interview slot ${id}`);
      const booked =
        tx
          .select({ n: count() })
          .from(candidates)
          .where(and(eq(candidates.interviewAt, slot.startsAt), ne(candidates.status, "declined")))
          .get()?.n ?? 0;
      if (capacity < booked) {
        throw new ApiError(
          409,
          "capacity_below_bookings",
          `${booked} candidate${booked === 1 ? " is" : "s are"} booked into this slot; the capacity cannot go below ${booked}.`,
          "capacity",
        );
      }
      return tx.update(interviewSlots).set({ capacity }).where(eq(interviewSlots.id, id)).returning().get();
    },
    { behavior: "immediate" },
  );
}
