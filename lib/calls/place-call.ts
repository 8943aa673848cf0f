import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots, type Candidate } from "@/db/schema";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { BolnaApiError, withBolnaErrors } from "@/lib/bolna/bolna-http-error";
import { callLocalHour } from "@/lib/analytics/local-hour";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import type { BolnaClient } from "@/lib/bolna/client";
import { ApiError, notFound } from "@/lib/http/api-error";
import { slotHasRoom } from "@/lib/slots/slot-capacity";
import { buildUserData, type SlotAvailability } from "./build-user-data";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** While Callboard is asking Bolna to call (or may have, after an unclear failure), nobody else may. */
export const CALL_LOCK_MS = 2 * 60_000;
/** A call without a final status counts as still going on for this long after its last event. */
export const CALL_ACTIVE_MS = 10 * 60_000;

export type PlaceCallOptions = {
  /** Stored on the call: a user's email, `api-token`, `batch #n`. */
  placedBy: string;
  /** Named in the audit entry. */
  actorLabel: string;
  batchId?: number | null;
  timezone: string;
  now?: () => Date;
};

export type PlacedCall = { executionId: string; candidate: Candidate | null };

// Declined candidates no longer hold their slot (as in lib/slots/manage-slots.ts).
const bookedCount = sql<number>`(select count(*) from ${candidates} where ${candidates.interviewAt} = ${interviewSlots.startsAt} and ${candidates.status} != 'declined')`;

function slotAvailability(tx: Tx, candidateId: number): { allowed: SlotAvailability[]; pool: SlotAvailability[] } {
  const columns = {
    id: interviewSlots.id,
    startsAt: interviewSlots.startsAt,
    capacity: interviewSlots.capacity,
    booked: bookedCount,
  };
  const pool = tx.select(columns).from(interviewSlots).orderBy(asc(interviewSlots.startsAt)).all();
  const allowedIds = new Set(
    tx
      .select({ slotId: candidateReschedulingSlots.slotId })
      .from(candidateReschedulingSlots)
      .where(eq(candidateReschedulingSlots.candidateId, candidateId))
      .all()
      .map((row) => row.slotId),
  );
  return { allowed: pool.filter((slot) => allowedIds.has(slot.id)), pool };
}

/** Why a new call must wait, or null. */
function busyReason(tx: Tx, candidate: Candidate, now: Date): string | null {
  if (candidate.callRequestedAt && now.getTime() - candidate.callRequestedAt.getTime() < CALL_LOCK_MS) {
    return `A call to ${candidate.name} is already being placed.`;
  }
  const latest = tx
    .select({ status: calls.status, lastEventAt: calls.lastEventAt, createdAt: calls.createdAt })
    .from(calls)
    .where(eq(calls.candidateId, candidate.id))
    .orderBy(desc(calls.id))
    .limit(1)
    .get();
  if (latest && !isTerminalStatus(latest.status)) {
    const lastHeard = (latest.lastEventAt ?? latest.createdAt).getTime();
    if (now.getTime() - lastHeard < CALL_ACTIVE_MS) {
      return `${candidate.name} is already on a call (${latest.status ?? "requested"}).`;
    }
  }
  return null;
}

/** Takes the candidate's call lock, or refuses with 409 `call_in_progress`. */
function takeLock(db: Db, candidateId: number, now: Date) {
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
      if (!candidate) throw notFound(`Candidate ${candidateId}`);
      const busy = busyReason(tx, candidate, now);
      if (busy) throw new ApiError("call_in_progress", busy);
      // A declined candidate holds no place: a call that brings them back must not overbook their old slot.
      if (candidate.status === "declined" && !slotHasRoom(tx, candidate.interviewAt, candidate.id)) {
        throw new ApiError(
          "slot_full",
          `${candidate.name} declined and their interview slot has filled up since: move them to a free slot before calling again.`,
        );
      }
      tx.update(candidates).set({ callRequestedAt: now }).where(eq(candidates.id, candidateId)).run();
      return { candidate, slots: slotAvailability(tx, candidateId) };
    },
    { behavior: "immediate" },
  );
}

/** Releases the lock this request took (a later request's lock is left alone). */
function releaseLock(db: Db, candidateId: number, takenAt: Date): void {
  db.update(candidates)
    .set({ callRequestedAt: null })
    .where(and(eq(candidates.id, candidateId), eq(candidates.callRequestedAt, takenAt)))
    .run();
}

/**
 * Stores the execution → candidate mapping after Bolna accepted the call. A webhook may have been faster than
 * Bolna's answer: then the pipeline already created the call (matched by phone) and moved the candidate, and
 * this only adds who placed it. Otherwise the candidate becomes `calling`, audited as source "call".
 */
function recordPlacedCall(
  db: Db,
  input: { candidateId: number; executionId: string; ackStatus: string; takenAt: Date; now: Date } & Pick<
    PlaceCallOptions,
    "placedBy" | "actorLabel" | "batchId" | "timezone"
  >,
): Candidate | null {
  const { candidateId, executionId, now } = input;
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
      const existing = tx.select().from(calls).where(eq(calls.executionId, executionId)).get();
      if (existing) {
        tx.update(calls)
          .set({ placedBy: existing.placedBy ?? input.placedBy, batchId: existing.batchId ?? input.batchId ?? null })
          .where(eq(calls.id, existing.id))
          .run();
      }
      // Deleted while Bolna was answering: the call goes ahead, but there is nobody to record it on.
      if (!candidate) return null;
      const lock = candidate.callRequestedAt?.getTime() === input.takenAt.getTime() ? { callRequestedAt: null } : {};
      if (existing) {
        tx.update(candidates).set(lock).where(eq(candidates.id, candidateId)).run();
        recordStatusChange(tx, {
          candidateId,
          candidateName: candidate.name,
          fromStatus: candidate.status,
          toStatus: candidate.status,
          source: "call",
          actor: input.actorLabel,
          reason: `Call placed by ${input.actorLabel}`,
          executionId,
          at: now,
        });
        return { ...candidate, ...lock };
      }
      const call = tx
        .insert(calls)
        .values({
          executionId,
          candidateId,
          // No stateKey: the first webhook of the call, whatever its status, takes over.
          status: input.ackStatus,
          placedBy: input.placedBy,
          batchId: input.batchId ?? null,
          localHour: callLocalHour(candidate, now, input.timezone),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      const next: Candidate = {
        ...candidate,
        ...lock,
        status: "calling",
        statusReason: `Call placed by ${input.actorLabel}`,
        statusChangedAt: candidate.status === "calling" ? candidate.statusChangedAt : now,
        latestCallId: call.id,
        callStatus: input.ackStatus,
        lastCallAt: now,
        updatedAt: now,
      };
      tx.update(candidates).set(next).where(eq(candidates.id, candidateId)).run();
      recordStatusChange(tx, {
        candidateId,
        candidateName: candidate.name,
        fromStatus: candidate.status,
        toStatus: "calling",
        source: "call",
        actor: input.actorLabel,
        reason: next.statusReason,
        executionId,
        at: now,
      });
      return next;
    },
    { behavior: "immediate" },
  );
}

/**
 * "Call now": refuses while another call to the candidate is being placed or going on (409), asks Bolna to call
 * with the `user_data` the agent expects, and records the mapping. Bolna failures become ApiErrors
 * (lib/bolna/bolna-http-error.ts) and leave the candidate as it was; only a failure after which Bolna may still
 * call keeps the lock, so that nobody rings the candidate twice in the next two minutes.
 */
export async function placeCandidateCall(
  db: Db,
  client: BolnaClient,
  candidateId: number,
  options: PlaceCallOptions,
): Promise<PlacedCall> {
  const clock = options.now ?? (() => new Date());
  const takenAt = clock();
  const { candidate, slots } = takeLock(db, candidateId, takenAt);
  let ack: Awaited<ReturnType<BolnaClient["placeCall"]>>;
  try {
    const userData = buildUserData({
      candidate,
      allowedSlots: slots.allowed,
      poolSlots: slots.pool,
      zone: options.timezone,
      now: takenAt,
    });
    ack = await withBolnaErrors("place call", () => client.placeCall({ recipientPhone: candidate.phone, userData }));
  } catch (error) {
    const mayHaveCalled = error instanceof BolnaApiError && error.bolna.mayHavePlacedCall;
    if (!mayHaveCalled) releaseLock(db, candidateId, takenAt);
    throw error;
  }
  const updated = recordPlacedCall(db, {
    candidateId,
    executionId: ack.executionId,
    ackStatus: ack.status,
    takenAt,
    now: clock(),
    placedBy: options.placedBy,
    actorLabel: options.actorLabel,
    batchId: options.batchId,
    timezone: options.timezone,
  });
  return { executionId: ack.executionId, candidate: updated };
}
