import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { calls, candidates, statusChanges, webhookEvents } from "@/db/schema";

/** Opens the server's SQLite file from the test process (WAL lets both read and write it). */
export function openTestDatabase(path: string): Db {
  return openDatabase(path, "NORMAL");
}

let phoneCounter = 0;

/** Inserts a candidate with a unique Indian mobile number and returns it. */
export function insertCandidate(db: Db, overrides: Partial<typeof candidates.$inferInsert> = {}) {
  phoneCounter += 1;
  const now = new Date();
  return db
    .insert(candidates)
    .values({
      name: `Test Candidate ${phoneCounter}`,
      phone: `+9197${String(process.pid % 1000).padStart(3, "0")}${String(phoneCounter).padStart(5, "0")}`,
      interviewAt: new Date("2025-12-15T14:00:00Z"),
      statusChangedAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning()
    .get();
}

/** Everything the pipeline wrote about one candidate, without ids and clocks that differ between runs. */
export function candidateSnapshot(db: Db, candidateId: number) {
  const candidate = db.select().from(candidates).where(eq(candidates.id, candidateId)).get();
  const callRows = db.select().from(calls).where(eq(calls.candidateId, candidateId)).all();
  return {
    status: candidate?.status,
    statusReason: candidate?.statusReason,
    interviewAt: candidate?.interviewAt.toISOString(),
    originalInterviewAt: candidate?.originalInterviewAt?.toISOString() ?? null,
    callStatus: candidate?.callStatus,
    calls: callRows.map(
      ({
        status,
        outcome,
        outcomeReason,
        transcript,
        summary,
        recordingUrl,
        durationSeconds,
        conversationSeconds,
        totalCost,
        hangupReason,
        extractedData,
      }) => ({
        status,
        outcome,
        outcomeReason,
        transcript,
        summary,
        recordingUrl,
        durationSeconds,
        conversationSeconds,
        totalCost,
        hangupReason,
        extractedData,
      }),
    ),
  };
}

export function auditFor(db: Db, candidateId: number) {
  return db.select().from(statusChanges).where(eq(statusChanges.candidateId, candidateId)).all();
}

export function eventsFor(db: Db, executionId: string) {
  return db.select().from(webhookEvents).where(eq(webhookEvents.executionId, executionId)).all();
}
