import "server-only";
import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, webhookEvents } from "@/db/schema";
import { boundJson, type JsonBounds } from "@/lib/bolna/bound-json";

/**
 * The most one candidate page shows, whatever was delivered: a call and its deliveries come from outside,
 * and one candidate with 40 deliveries of 1 MiB, or an extraction of 60,000 keys, took the server down when
 * rendered in full. Whole raw bodies stay downloadable (GET /api/webhook-events/{id}/raw).
 */
const TIMELINE_BUDGET = {
  calls: 10,
  deliveriesPerCall: 30,
  rawBodyChars: 1_000,
  transcriptChars: 50_000,
  summaryChars: 5_000,
  extractedData: {
    depth: 4,
    keysPerObject: 40,
    itemsPerArray: 20,
    stringChars: 500,
    nodes: 300,
    totalChars: 8_000,
  } satisfies JsonBounds,
} as const;

function selectCalls(db: Db, candidateId: number) {
  const { transcriptChars, summaryChars } = TIMELINE_BUDGET;
  return db
    .select({
      id: calls.id,
      executionId: calls.executionId,
      status: calls.status,
      outcome: calls.outcome,
      outcomeReason: calls.outcomeReason,
      transcript: sql<string | null>`substr(${calls.transcript}, 1, ${transcriptChars})`,
      transcriptCut: sql<number>`coalesce(length(${calls.transcript}) > ${transcriptChars}, 0)`.mapWith(Boolean),
      summary: sql<string | null>`substr(${calls.summary}, 1, ${summaryChars})`,
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
      direction: calls.direction,
      agentBookedAt: calls.agentBookedAt,
      agentBookedInterviewAt: calls.agentBookedInterviewAt,
      transferredAt: calls.transferredAt,
      transferredTo: calls.transferredTo,
      bolnaCreatedAt: calls.bolnaCreatedAt,
      bolnaUpdatedAt: calls.bolnaUpdatedAt,
      lastEventAt: calls.lastEventAt,
      createdAt: calls.createdAt,
    })
    .from(calls)
    .where(eq(calls.candidateId, candidateId))
    .orderBy(desc(calls.createdAt), desc(calls.id))
    .limit(TIMELINE_BUDGET.calls)
    .all();
}

/**
 * The newest `deliveriesPerCall` deliveries of each call, and how many each call has. Chosen by id alone (the
 * index on call_id, id), so that bodies are read only for the deliveries shown.
 */
function pickDeliveries(db: Db, callIds: number[]) {
  const ranked = db
    .select({
      id: webhookEvents.id,
      callId: webhookEvents.callId,
      rank: sql<number>`row_number() over (partition by ${webhookEvents.callId} order by ${webhookEvents.id} desc)`.as("rank"),
      total: sql<number>`count(*) over (partition by ${webhookEvents.callId})`.as("total"),
    })
    .from(webhookEvents)
    .where(inArray(webhookEvents.callId, callIds))
    .as("ranked");
  return db
    .select({ id: ranked.id, callId: ranked.callId, rank: ranked.rank, total: ranked.total })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${TIMELINE_BUDGET.deliveriesPerCall}`)
    .all();
}

function selectDeliveries(db: Db, ids: number[], withRawBodies: boolean) {
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
      // The start of the body, and its whole size: null for duplicates (their body is on the original), and for
      // viewers who may not inspect webhooks.
      rawBody: withRawBodies
        ? sql<string | null>`substr(${webhookEvents.rawBody}, 1, ${TIMELINE_BUDGET.rawBodyChars})`
        : sql<null>`null`,
      rawBodyBytes: withRawBodies ? sql<number | null>`octet_length(${webhookEvents.rawBody})` : sql<null>`null`,
    })
    .from(webhookEvents)
    .where(inArray(webhookEvents.id, ids))
    .orderBy(asc(webhookEvents.id))
    .all()
    .map((row) => ({
      ...row,
      /** Only the start of the body is here: the page links to the whole of it. */
      rawBodyCut: row.rawBody !== null && row.rawBodyBytes !== null && Buffer.byteLength(row.rawBody) < row.rawBodyBytes,
    }));
}

export type TimelineDelivery = ReturnType<typeof selectDeliveries>[number];
export type TimelineCall = Omit<ReturnType<typeof selectCalls>[number], "extractedData"> & {
  extractedData: Record<string, unknown> | null;
  /** Part of the extraction is not shown (the page's budget); the raw body has all of it. */
  extractedDataCut: boolean;
  deliveries: TimelineDelivery[];
  /** Every delivery of the call, of which `deliveries` holds the newest. */
  deliveriesTotal: number;
};

/**
 * A candidate's newest calls, newest first, each with its newest webhook deliveries in arrival order, all within
 * TIMELINE_BUDGET. Raw bodies are read only when asked for: they hold personal data and only admins may inspect
 * them.
 */
export function loadCallTimeline(db: Db, candidateId: number, options: { withRawBodies: boolean }): TimelineCall[] {
  const rows = selectCalls(db, candidateId);
  if (rows.length === 0) return [];
  const picked = pickDeliveries(
    db,
    rows.map((row) => row.id),
  );
  const totals = new Map(picked.map((entry) => [entry.callId, entry.total]));
  const deliveries =
    picked.length === 0
      ? []
      : selectDeliveries(
          db,
          picked.map((entry) => entry.id),
          options.withRawBodies,
        );
  return rows.map((row) => {
    const extracted = row.extractedData ? boundJson(row.extractedData, TIMELINE_BUDGET.extractedData) : null;
    return {
      ...row,
      extractedData: (extracted?.value as Record<string, unknown> | undefined) ?? null,
      extractedDataCut: extracted?.cut ?? false,
      deliveries: deliveries.filter((delivery) => delivery.callId === row.id),
      deliveriesTotal: totals.get(row.id) ?? 0,
    };
  });
}

/** How many calls a candidate has, of which the timeline shows the newest TIMELINE_BUDGET.calls. */
export function countCalls(db: Db, candidateId: number): number {
  return db.select({ n: count() }).from(calls).where(eq(calls.candidateId, candidateId)).get()?.n ?? 0;
}
