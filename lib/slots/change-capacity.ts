import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { interviewSlots, type InterviewSlot } from "@/db/schema";
import { notFound } from "@/lib/http/api-error";
import { bookedAt, capacityBelowBookings } from "./slot-capacity";

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
      const booked = bookedAt(tx, slot.startsAt);
      if (capacity < booked) throw capacityBelowBookings(booked);
      return tx.update(interviewSlots).set({ capacity }).where(eq(interviewSlots.id, id)).returning().get();
    },
    { behavior: "immediate" },
  );
}
