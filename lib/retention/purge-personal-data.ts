import { and, isNotNull, lt, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, outboxMessages, selfServiceLinks, webhookEvents } from "@/db/schema";

export type PurgeResult = { calls: number; events: number; messages: number; links: number };

/**
 * Retention: after `days`, what a call said is deleted — transcripts, summaries, recordings, extracted data and
 * the raw webhook bodies — while statuses, outcomes and the audit trail stay. Calls count from their last event,
 * deliveries from their arrival. Messages to candidates go too, except those still waiting to be sent, and
 * self-service links that expired before the cutoff: neither table grows without bound.
 */
export function purgePersonalData(db: Db, days: number, now = new Date()): PurgeResult {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return db.transaction(
    (tx) => {
      const purgedCalls = tx
        .update(calls)
        // The outcome's evidence quotes the transcript: it goes with it.
        .set({ transcript: null, summary: null, recordingUrl: null, extractedData: null, confidenceEvidence: null })
        .where(
          and(
            lt(calls.updatedAt, cutoff),
            or(
              isNotNull(calls.transcript),
              isNotNull(calls.summary),
              isNotNull(calls.recordingUrl),
              isNotNull(calls.extractedData),
              isNotNull(calls.confidenceEvidence),
            ),
          ),
        )
        .run().changes;
      const purgedEvents = tx
        .update(webhookEvents)
        .set({ rawBody: null })
        .where(and(lt(webhookEvents.receivedAt, cutoff), isNotNull(webhookEvents.rawBody)))
        .run().changes;
      const purgedMessages = tx
        .delete(outboxMessages)
        .where(and(lt(outboxMessages.createdAt, cutoff), ne(outboxMessages.state, "queued")))
        .run().changes;
      const purgedLinks = tx.delete(selfServiceLinks).where(lt(selfServiceLinks.expiresAt, cutoff)).run().changes;
      return { calls: purgedCalls, events: purgedEvents, messages: purgedMessages, links: purgedLinks };
    },
    { behavior: "immediate" },
  );
}
