import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";
import { assertSlotsExist, replaceReschedulingSlots } from "@/lib/candidates/create-candidate";
import { env } from "@/lib/env";
import { ApiError, notFound } from "@/lib/http/api-error";
import { readOffsetTime } from "@/lib/time/zoned-input";
import { bookedAt, capacityBelowBookings } from "./slot-capacity";

/** The API's slot: its time is meant in the team's zone (INTERVIEW_TIMEZONE), so a wall clock it skips is refused. */
export const createSlotInput = z.object({
  startsAt: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time with an offset" })
    .transform((value, context) => {
      const read = readOffsetTime(value, env().INTERVIEW_TIMEZONE);
      if (read?.ok) return read.at;
      context.addIssue({ code: "custom", message: read?.message ?? "must be an ISO 8601 date-time with an offset" });
      return z.NEVER;
    }),
  capacity: z.number().int().min(1).max(1000).default(1),
});

// Declined candidates no longer hold their slot.
const bookedCount = sql<number>`(select count(*) from ${candidates} where ${candidates.interviewAt} = ${interviewSlots.startsAt} and ${candidates.status} != 'declined')`;

/** The pool with how many candidates each slot holds. */
export function listSlots(db: Db) {
  return db
    .select({ id: interviewSlots.id, startsAt: interviewSlots.startsAt, capacity: interviewSlots.capacity, booked: bookedCount })
    .from(interviewSlots)
    .orderBy(asc(interviewSlots.startsAt))
    .all();
}

/** Adds a pool slot; one in the past is refused, since nobody can be offered it. */
export function createSlot(db: Db, input: z.infer<typeof createSlotInput>, now = new Date()) {
  if (input.startsAt.getTime() <= now.getTime()) {
    throw new ApiError("validation_failed", "startsAt: the slot is in the past; pick a time that has not begun", "startsAt");
  }
  return db.transaction(
    (tx) => {
      const clash = tx
        .select({ id: interviewSlots.id })
        .from(interviewSlots)
        .where(eq(interviewSlots.startsAt, input.startsAt))
        .get();
      if (clash) throw new ApiError("conflict", `A slot at ${input.startsAt.toISOString()} already exists (#${clash.id}).`);
      // Candidates may already be booked at that time (a slot deleted and added again, an imported interview).
      const booked = bookedAt(tx, input.startsAt);
      if (input.capacity < booked) throw capacityBelowBookings(booked);
      return tx.insert(interviewSlots).values(input).returning().get();
    },
    { behavior: "immediate" },
  );
}

/** Refused while any candidate holds the slot: their interview would point at nothing. */
export function deleteSlot(db: Db, id: number): void {
  db.transaction(
    (tx) => {
      const slot = tx.select().from(interviewSlots).where(eq(interviewSlots.id, id)).get();
      if (!slot) throw notFound(`Interview slot ${id}`);
      if (bookedAt(tx, slot.startsAt) > 0) throw new ApiError("slot_booked", "The slot is booked; move its candidates first.");
      tx.delete(interviewSlots).where(eq(interviewSlots.id, id)).run();
    },
    { behavior: "immediate" },
  );
}

/** Which pool slots the agent may offer this candidate instead of the booked one. */
export function setReschedulingSlots(db: Db, candidateId: number, slotIds: number[]): void {
  db.transaction(
    (tx) => {
      const candidate = tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId)).get();
      if (!candidate) throw notFound(`Candidate ${candidateId}`);
      assertSlotsExist(tx, slotIds, "slotIds");
      replaceReschedulingSlots(tx, candidateId, slotIds);
      tx.update(candidates).set({ updatedAt: new Date() }).where(eq(candidates.id, candidateId)).run();
    },
    { behavior: "immediate" },
  );
}
