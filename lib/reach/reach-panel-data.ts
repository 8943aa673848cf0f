import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { env } from "@/lib/env";
import { candidateZone, zoneForPhone } from "@/lib/time/zone-for-phone";
import { reconfirmationSummary, selfServiceSummary } from "./reach-summary";

/** What the candidate page's "Reaching the candidate" panel shows; null for an unknown candidate. */
export function loadReachPanel(db: Db, candidateId: number, now = new Date()) {
  const candidate = db.select().from(candidates).where(eq(candidates.id, candidateId)).get();
  if (!candidate) return null;
  const latest = db
    .select({ executionId: calls.executionId, nextAttemptAt: calls.nextAttemptAt, purpose: calls.purpose })
    .from(calls)
    .where(eq(calls.candidateId, candidateId))
    .orderBy(desc(calls.id))
    .limit(1)
    .get();
  const fallback = env().INTERVIEW_TIMEZONE;
  return {
    candidateId,
    zone: candidateZone(candidate, fallback),
    zoneSource: candidate.timeZone
      ? "set for the candidate"
      : zoneForPhone(candidate.phone)
        ? "from the phone number"
        : "zone assumed: set the candidate's zone",
    nextAttempt: candidate.nextAttemptAt
      ? { at: candidate.nextAttemptAt, number: candidate.nextAttemptNumber ?? 1, executionId: latest?.executionId ?? null }
      : null,
    reconfirmation: reconfirmationSummary(db, candidate, now),
    selfService: selfServiceSummary(db, candidateId, now),
    inviteSequence: candidate.inviteSequence,
    declined: candidate.status === "declined",
  };
}
