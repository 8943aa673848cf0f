import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { calls, candidates, webhookEvents, type WebhookEvent } from "@/db/schema";
import { parseExecution, type Execution } from "@/lib/bolna/parse-execution";
import { applyExecution, type Applied, type ApplyConfig } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { ApiError, notFound } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { openUnmatched } from "./inbox";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const linkInput = z.object({
  candidateId: z.coerce.number({ message: "choose a candidate" }).int().positive("choose a candidate"),
});

export type LinkResult = Applied & {
  /** The unmatched deliveries this link resolved: the chosen one, then earlier ones of the same call. */
  linkedEventIds: number[];
};

function applyConfigFromEnv(): ApplyConfig {
  const config = env();
  return { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY };
}

/** The unmatched original `eventId`, still open: 404 when there is no such delivery, 409 when it was handled. */
function openDelivery(tx: Tx, eventId: number): WebhookEvent {
  const event = tx
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, eventId), eq(webhookEvents.result, "unmatched")))
    .get();
  if (!event || event.duplicateOfId !== null) throw notFound(`Unmatched delivery ${eventId}`);
  if (event.dismissedAt) throw new ApiError("already_resolved", `Delivery ${eventId} was already linked or dismissed.`);
  return event;
}

function storedExecution(event: WebhookEvent): { execution: Execution; rawBody: string } {
  const refuse = (why: string) => new ApiError("delivery_unreadable", `Delivery ${event.id} cannot be applied: ${why}`);
  if (event.rawBody === null) throw refuse("its body is not stored.");
  let json: unknown;
  try {
    json = JSON.parse(event.rawBody);
  } catch {
    throw refuse("its body is not JSON.");
  }
  const parsed = parseExecution(json);
  if (!parsed.ok) throw refuse(parsed.message);
  return { execution: parsed.execution, rawBody: event.rawBody };
}

/** Sends a stored delivery through the webhook pipeline again, this time for the chosen candidate. */
function reapply(db: Db, event: WebhookEvent, candidateId: number, now: Date, config: ApplyConfig): Applied {
  const { execution, rawBody } = storedExecution(event);
  return applyExecution(
    db,
    {
      execution,
      rawBody,
      bodyHash: event.bodyHash,
      senderIp: event.senderIp,
      receivedAt: now,
      source: event.source === "reconcile" || event.source === "sweep" ? event.source : "webhook",
      candidateId,
    },
    config,
  );
}

type LinkRequest = { eventId: number; candidateId: number; actor: string; now?: Date; config?: ApplyConfig };

/**
 * An admin says whose call an unmatched delivery was. The delivery goes through applyExecution with that
 * candidate, which creates the execution → candidate mapping, so every later delivery of the call matches on
 * its own. Other open deliveries of the same call are applied too (the fold does not care about their order).
 * All of it, and marking the originals as handled (dismissedAt; the new applied events carry the result), is
 * one IMMEDIATE transaction: two admins linking the same delivery cannot both succeed.
 */
export function linkDelivery(db: Db, request: LinkRequest): LinkResult {
  const { eventId, candidateId } = request;
  const now = request.now ?? new Date();
  const config = request.config ?? applyConfigFromEnv();
  const result = db.transaction(
    (tx) => {
      const event = openDelivery(tx, eventId);
      const candidate = tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId)).get();
      if (!candidate) throw notFound(`Candidate ${candidateId}`);
      const owner = tx
        .select({ candidateId: calls.candidateId })
        .from(calls)
        .where(eq(calls.executionId, event.executionId))
        .get();
      if (owner && owner.candidateId !== candidateId) {
        throw new ApiError(
          "linked_elsewhere",
          `Execution ${event.executionId} already belongs to candidate ${owner.candidateId}.`,
        );
      }
      const siblings = tx
        .select()
        .from(webhookEvents)
        .where(and(openUnmatched, eq(webhookEvents.executionId, event.executionId), ne(webhookEvents.id, eventId)))
        .orderBy(asc(webhookEvents.id))
        .all();
      // applyExecution opens its own transaction; inside this one better-sqlite3 makes it a savepoint.
      const applied = reapply(db, event, candidateId, now, config);
      let latest = applied;
      for (const sibling of siblings) latest = reapply(db, sibling, candidateId, now, config);
      const linkedEventIds = [eventId, ...siblings.map((sibling) => sibling.id)];
      tx.update(webhookEvents).set({ dismissedAt: now }).where(inArray(webhookEvents.id, linkedEventIds)).run();
      return { ...applied, candidateStatus: latest.candidateStatus, callStatus: latest.callStatus, linkedEventIds };
    },
    { behavior: "immediate" },
  );
  log().info(
    { linkedEventIds: result.linkedEventIds, candidateId, actor: request.actor },
    "unmatched webhook delivery linked by hand",
  );
  return result;
}

/** Takes an unmatched delivery out of the inbox without applying it; the stored body stays for the record. */
export function dismissDelivery(
  db: Db,
  eventId: number,
  actor: string,
  now = new Date(),
): { eventId: number; dismissedAt: Date } {
  db.transaction(
    (tx) => {
      openDelivery(tx, eventId);
      tx.update(webhookEvents).set({ dismissedAt: now }).where(eq(webhookEvents.id, eventId)).run();
    },
    { behavior: "immediate" },
  );
  log().info({ eventId, actor }, "unmatched webhook delivery dismissed");
  return { eventId, dismissedAt: now };
}
