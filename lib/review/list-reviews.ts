import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, reviewItems } from "@/db/schema";

// Open, and still about the candidate's latest call: once a newer call is placed the old proposal is out of
// date (accepting it answers 409 review_superseded), so the queue no longer shows it.
const isQueued = and(eq(reviewItems.state, "open"), eq(reviewItems.callId, candidates.latestCallId));

// What a person reviews: the recording, the words, the evidence. Read for the item on screen, and for each item
// of the API's list (which is capped at 100 items for that reason: a transcript may be 200,000 characters).
const callText = {
  recordingUrl: calls.recordingUrl,
  transcript: calls.transcript,
  summary: calls.summary,
  evidence: calls.confidenceEvidence,
};

const columns = {
  item: reviewItems,
  candidate: {
    id: candidates.id,
    name: candidates.name,
    phone: candidates.phone,
    timeZone: candidates.timeZone,
    position: candidates.position,
    interviewAt: candidates.interviewAt,
    status: candidates.status,
    statusReason: candidates.statusReason,
  },
  call: {
    executionId: calls.executionId,
    status: calls.status,
    conversationSeconds: calls.conversationSeconds,
    placedAt: calls.createdAt,
    ...callText,
  },
};

function selectItems(db: Db) {
  return db
    .select(columns)
    .from(reviewItems)
    .innerJoin(candidates, eq(candidates.id, reviewItems.candidateId))
    .innerJoin(calls, eq(calls.id, reviewItems.callId));
}

export type ReviewQueueItem = ReturnType<ReturnType<typeof selectItems>["all"]>[number];

/** The review queue, oldest first, each item with its call's recording, transcript and evidence. */
export function listOpenReviews(db: Db, limit: number): ReviewQueueItem[] {
  return selectItems(db).where(isQueued).orderBy(asc(reviewItems.id)).limit(limit).all();
}

/** The queue as the page lists it, oldest first: who and what, without the calls' words. */
export function listQueue(db: Db, limit: number) {
  return db
    .select({ id: reviewItems.id, candidateName: candidates.name, proposedStatus: reviewItems.proposedStatus })
    .from(reviewItems)
    .innerJoin(candidates, eq(candidates.id, reviewItems.candidateId))
    .where(isQueued)
    .orderBy(asc(reviewItems.id))
    .limit(limit)
    .all();
}

/** One queued item with everything a person reviews; undefined once it has left the queue. */
export function readQueuedReview(db: Db, id: number): ReviewQueueItem | undefined {
  return selectItems(db)
    .where(and(isQueued, eq(reviewItems.id, id)))
    .get();
}

/** How many items wait in the queue (the count beside "Review" in the navigation). */
export function countOpenReviews(db: Db): number {
  return (
    db
      .select({ n: count() })
      .from(reviewItems)
      .innerJoin(candidates, eq(candidates.id, reviewItems.candidateId))
      .where(isQueued)
      .get()?.n ?? 0
  );
}

/** What people decided, newest first: who reviewed what, and when (admins). */
export function listResolvedReviews(db: Db, limit: number): ReviewQueueItem[] {
  return selectItems(db)
    .where(inArray(reviewItems.state, ["accepted", "corrected"]))
    .orderBy(desc(reviewItems.resolvedAt), desc(reviewItems.id))
    .limit(limit)
    .all();
}
