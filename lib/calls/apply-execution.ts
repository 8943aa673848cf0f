import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, webhookEvents, type Call, type Candidate } from "@/db/schema";
import type { Execution } from "@/lib/bolna/parse-execution";
import type { CandidateStatus } from "@/lib/candidates/status";
import type { EventResult } from "@/lib/webhook/event-result";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { deriveOutcome } from "./derive-outcome";
import { eventOrderKey, foldExecution, type CallState } from "./fold-execution";
import { updateCandidateFromCall } from "./update-candidate";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Delivery = {
  execution: Execution;
  rawBody: string;
  bodyHash: string;
  senderIp: string | null;
  receivedAt: Date;
  source: "webhook" | "reconcile";
  /** Set when an admin links an unmatched delivery to a candidate by hand. */
  candidateId?: number;
};

export type ApplyConfig = { timezone: string; defaultCountry: string };

export type Applied = {
  result: EventResult;
  eventId: number;
  candidateId: number | null;
  candidateStatus: CandidateStatus | null;
  callStatus: string | null;
};

function findCandidateByPhone(tx: Tx, phones: string[], defaultCountry: string): Candidate | undefined {
  const normalized = [...new Set(phones.map((phone) => normalizePhone(phone, defaultCountry)))].filter(
    (phone): phone is string => phone !== null,
  );
  if (normalized.length === 0) return undefined;
  const found = tx.select().from(candidates).where(inArray(candidates.phone, normalized)).all();
  return normalized.map((phone) => found.find((candidate) => candidate.phone === phone)).find(Boolean);
}

function callState(call: Call): CallState {
  return { ...call, fieldKeys: call.fieldKeys ?? {} };
}

function insertEvent(tx: Tx, delivery: Delivery, result: EventResult, links: { callId?: number; candidateId?: number; duplicateOfId?: number }) {
  const { execution } = delivery;
  return tx
    .insert(webhookEvents)
    .values({
      receivedAt: delivery.receivedAt,
      senderIp: delivery.senderIp,
      source: delivery.source,
      executionId: execution.executionId,
      bolnaStatus: execution.status,
      bolnaUpdatedAt: execution.updatedAt?.date ?? null,
      bodyHash: delivery.bodyHash,
      rawBody: links.duplicateOfId ? null : delivery.rawBody,
      result,
      duplicateOfId: links.duplicateOfId ?? null,
      callId: links.callId ?? null,
      candidateId: links.candidateId ?? null,
    })
    .returning({ id: webhookEvents.id })
    .get().id;
}

/** Creates the execution → candidate mapping for a call first seen in a webhook. */
function insertCall(tx: Tx, execution: Execution, candidateId: number, now: Date): Call {
  return tx
    .insert(calls)
    .values({
      executionId: execution.executionId,
      candidateId,
      bolnaCreatedAt: execution.createdAt?.date ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

/**
 * Records one delivery and applies it to its call and candidate, all in one IMMEDIATE transaction: the event
 * row, the call, the candidate and the audit entry commit together or not at all, and two deliveries of the
 * same execution never interleave their read-then-write.
 */
export function applyExecution(db: Db, delivery: Delivery, config: ApplyConfig): Applied {
  return db.transaction(
    (tx) => {
      const { execution } = delivery;
      const earlier = tx
        .select({ id: webhookEvents.id, callId: webhookEvents.callId, candidateId: webhookEvents.candidateId })
        .from(webhookEvents)
        .where(
          and(
            eq(webhookEvents.executionId, execution.executionId),
            eq(webhookEvents.bodyHash, delivery.bodyHash),
            ne(webhookEvents.result, "unmatched"),
          ),
        )
        .limit(1)
        .get();
      if (earlier) {
        const eventId = insertEvent(tx, delivery, "duplicate", {
          callId: earlier.callId ?? undefined,
          candidateId: earlier.candidateId ?? undefined,
          duplicateOfId: earlier.id,
        });
        const candidate = earlier.candidateId
          ? tx.select().from(candidates).where(eq(candidates.id, earlier.candidateId)).get()
          : undefined;
        return {
          result: "duplicate",
          eventId,
          candidateId: candidate?.id ?? null,
          candidateStatus: candidate?.status ?? null,
          callStatus: candidate?.callStatus ?? null,
        };
      }

      let call = tx.select().from(calls).where(eq(calls.executionId, execution.executionId)).get();
      let candidate = call
        ? tx.select().from(candidates).where(eq(candidates.id, call.candidateId)).get()
        : delivery.candidateId !== undefined
          ? tx.select().from(candidates).where(eq(candidates.id, delivery.candidateId)).get()
          : findCandidateByPhone(tx, execution.phones, config.defaultCountry);
      if (!candidate) {
        const eventId = insertEvent(tx, delivery, "unmatched", {});
        return { result: "unmatched", eventId, candidateId: null, candidateStatus: null, callStatus: null };
      }
      call ??= insertCall(tx, execution, candidate.id, delivery.receivedAt);

      const key = eventOrderKey(execution, delivery.bodyHash);
      const fold = foldExecution(callState(call), execution, key);
      const outcome = deriveOutcome(fold.state, config.timezone);
      tx.update(calls)
        .set({
          ...fold.state,
          outcome: outcome?.outcome ?? null,
          outcomeReason: outcome?.reason ?? null,
          lastEventAt: delivery.receivedAt,
          updatedAt: delivery.receivedAt,
        })
        .where(eq(calls.id, call.id))
        .run();
      call = { ...call, ...fold.state };

      candidate = updateCandidateFromCall(tx, {
        candidate,
        call,
        outcome,
        eventAt: execution.updatedAt?.date ?? delivery.receivedAt,
        now: delivery.receivedAt,
        source: delivery.source,
      });

      const result: EventResult = fold.newest ? "applied" : "stale";
      const eventId = insertEvent(tx, delivery, result, { callId: call.id, candidateId: candidate.id });
      return {
        result,
        eventId,
        candidateId: candidate.id,
        candidateStatus: candidate.status,
        callStatus: candidate.callStatus,
      };
    },
    { behavior: "immediate" },
  );
}
