import "server-only";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, webhookEvents } from "@/db/schema";

function selectCalls(db: Db, candidateId: number) {
  return db
    .select({
      id: calls.id,
      executionId: calls.executionId,
      status: calls.status,
      outcome: calls.outcome,
      outcomeReason: calls.outcomeReason,
      transcript: calls.transcript,
      summary: calls.summary,
      recordingUrl: calls.recordingUrl,
      durationSeconds: calls.durationSeconds,
      conversationSeconds: calls.conversationSeconds,
      totalCost: calls.totalCost,
      hangupBy: calls.hangupBy,
      hangupReason: calls.hangupReason,
      errorMessage: calls.errorMessage,
      extractedData: calls.extractedData,
      confidence: calls.confidence,
      confidenceLabel: calls.confidenceLabel,
      confidenceEvidence: calls.confidenceEvidence,
      placedBy: calls.placedBy,
      bolnaCreatedAt: calls.bolnaCreatedAt,
      bolnaUpdatedAt: calls.bolnaUpdatedAt,
      lastEventAt: calls.lastEventAt,
      createdAt: calls.createdAt,
    })
    .from(calls)
    .where(eq(calls.candidateId, candidateId))
    .orderBy(desc(calls.createdAt), desc(calls.id))
    .all();
}

function selectDeliveries(db: Db, callIds: number[], withRawBodies: boolean) {
  return db
    .select({
      id: webhookEvents.id,
      callId: webhookEvents.callId,
      receivedAt: webhookEvents.receivedAt,
      senderIp: webhookEvents.senderIp,
      source: webhookEvents.source,
      bolnaStatus: webhookEvents.bolnaStatus,
      result: webhookEvents.result,
      duplicateOfId: webhookEvents.duplicateOfId,
      // Null for duplicates (their body is on the original), and for viewers who may not inspect webhooks.
      rawBody: withRawBodies ? webhookEvents.rawBody : sql<string | null>`null`,
    })
    .from(webhookEvents)
    .where(inArray(webhookEvents.callId, callIds))
    .orderBy(asc(webhookEvents.id))
    .all();
}

export type TimelineDelivery = ReturnType<typeof selectDeliveries>[number];
export type TimelineCall = ReturnType<typeof selectCalls>[number] & { deliveries: TimelineDelivery[] };

/**
 * A candidate's calls, newest first, each with every webhook delivery that reached it in arrival order. Raw
 * bodies are read only when asked for: they hold personal data and only admins may inspect them.
 */
export function loadCallTimeline(db: Db, candidateId: number, options: { withRawBodies: boolean }): TimelineCall[] {
  const rows = selectCalls(db, candidateId);
  if (rows.length === 0) return [];
  const deliveries = selectDeliveries(
    db,
    rows.map((row) => row.id),
    options.withRawBodies,
  );
  return rows.map((row) => ({ ...row, deliveries: deliveries.filter((delivery) => delivery.callId === row.id) }));
}
