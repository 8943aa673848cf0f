import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { calls, candidates, statusChanges, webhookEvents } from "@/db/schema";

/** Opens the server's SQLite file from the test process (WAL lets both read and write it). */
export function openTestDatabase(path: string): Db {
  return openDatabase(path, "NORMAL");
}

/**
 * A copy of the migrations folder whose journal stops before the first migration whose tag ends with `tag`: a
 * database migrated with it is one written before that change (later migrations build on it, so they go too).
 */
export function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "callboard-migrations-"));
  fs.cpSync(path.join(process.cwd(), "db", "migrations"), dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag.endsWith(tag)),
  );
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
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
