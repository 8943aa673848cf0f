import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots, statusChanges } from "@/db/schema";
import { notFound } from "@/lib/http/api-error";

/** One candidate's row, or null. */
export function findCandidate(db: Db, id: number) {
  return db.select().from(candidates).where(eq(candidates.id, id)).get() ?? null;
}

/** A candidate with its calls (newest first), audit history (oldest first) and allowed rescheduling slots. */
export function getCandidateDetail(db: Db, id: number) {
  const candidate = db.select().from(candidates).where(eq(candidates.id, id)).get();
  if (!candidate) throw notFound(`Candidate ${id}`);
  return {
    candidate,
    calls: db.select().from(calls).where(eq(calls.candidateId, id)).orderBy(desc(calls.createdAt), desc(calls.id)).all(),
    history: db.select().from(statusChanges).where(eq(statusChanges.candidateId, id)).orderBy(asc(statusChanges.id)).all(),
    reschedulingSlots: db
      .select({ id: interviewSlots.id, startsAt: interviewSlots.startsAt, capacity: interviewSlots.capacity })
      .from(candidateReschedulingSlots)
      .innerJoin(interviewSlots, eq(interviewSlots.id, candidateReschedulingSlots.slotId))
      .where(eq(candidateReschedulingSlots.candidateId, id))
      .orderBy(asc(interviewSlots.startsAt))
      .all(),
  };
}
