import { and, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, outboxMessages, selfServiceLinks, webhookEvents } from "@/db/schema";
import { pauseAfterWrite } from "@/db/write-pause";

export type PurgeResult = { calls: number; events: number; messages: number; links: number };

/** Rows per statement: each is its own short write, and other writers get the lock between them (db/write-pause.ts). */
const CHUNK = 500;

/** Runs `purge` (one chunk) until a chunk comes back short, pausing between chunks; returns how many rows it changed. */
async function inChunks(purge: () => number): Promise<number> {
  let total = 0;
  for (;;) {
    const started = performance.now();
    const changed = purge();
    total += changed;
    if (changed < CHUNK) return total;
    await pauseAfterWrite(started);
  }
}

/**
 * Retention: after `days`, what a call said is deleted — transcripts, summaries, recordings, extracted data and
 * the raw webhook bodies — while statuses, outcomes and the audit trail stay. Calls count from their last event,
 * deliveries from their arrival. Messages to candidates go too, except those still waiting to be sent, and
 * self-service links that expired before the cutoff: neither table grows without bound. Calls and deliveries are
 * found through the indexes of rows that still hold personal data (db/schema.ts) and purged 500 at a time.
 */
export async function purgePersonalData(db: Db, days: number, now = new Date()): Promise<PurgeResult> {
  const cutoff = now.getTime() - days * 24 * 60 * 60 * 1000;
  const purgedCalls = await inChunks(
    () =>
      db
        .update(calls)
        // The outcome's evidence quotes the transcript: it goes with it.
        .set({ transcript: null, summary: null, recordingUrl: null, extractedData: null, confidenceEvidence: null })
        .where(
          inArray(
            calls.id,
            sql`(select "id" from "calls" indexed by "calls_personal_data_idx"
              where ("transcript" is not null or "summary" is not null or "recording_url" is not null
                or "extracted_data" is not null or "confidence_evidence" is not null)
                and "created_at" < ${cutoff} and "updated_at" < ${cutoff} limit ${CHUNK})`,
          ),
        )
        .run().changes,
  );
  const purgedEvents = await inChunks(
    () =>
      db
        .update(webhookEvents)
        .set({ rawBody: null })
        .where(
          inArray(
            webhookEvents.id,
            sql`(select "id" from "webhook_events" indexed by "webhook_events_raw_body_idx"
              where "raw_body" is not null and "received_at" < ${cutoff} limit ${CHUNK})`,
          ),
        )
        .run().changes,
  );
  const before = new Date(cutoff);
  const purgedMessages = db
    .delete(outboxMessages)
    .where(and(lt(outboxMessages.createdAt, before), ne(outboxMessages.state, "queued")))
    .run().changes;
  const purgedLinks = db.delete(selfServiceLinks).where(lt(selfServiceLinks.expiresAt, before)).run().changes;
  return { calls: purgedCalls, events: purgedEvents, messages: purgedMessages, links: purgedLinks };
}
