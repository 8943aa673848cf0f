import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots, type Candidate } from "@/db/schema";
import { BolnaApiError, withBolnaErrors } from "@/lib/bolna/bolna-http-error";
import { callLocalHour } from "@/lib/analytics/local-hour";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import type { BolnaClient } from "@/lib/bolna/client";
import type { RetryConfig, CallPurpose } from "@/db/values";
import { doNotCallRefusal } from "@/lib/candidates/do-not-call";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { ApiError, notFound } from "@/lib/http/api-error";
import { slotHasRoom } from "@/lib/slots/slot-capacity";
import { describeHours, scheduleFor, type CallingHours } from "@/lib/time/calling-hours";
import { formatInstant } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { buildUserData, type SlotAvailability } from "./build-user-data";
import { waitingReason } from "./next-attempt";
import { recordPlacedCall } from "./record-placed-call";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** While Callboard is asking Bolna to call (or may have, after an unclear failure), nobody else may. */
const CALL_LOCK_MS = 2 * 60_000;
/** A call without a final status counts as still going on for this long after its last event. */
const CALL_ACTIVE_MS = 10 * 60_000;

export type PlaceCallOptions = {
  /** Stored on the call: a user's email, `api-token`, `batch #n`. */
  placedBy: string;
  /** Named in the audit entry. */
  actorLabel: string;
  batchId?: number | null;
  /** INTERVIEW_TIMEZONE: the zone of a candidate whose own is unknown (lib/time/zone-for-phone.ts). */
  timezone: string;
  /** When calls may ring, in the candidate's zone; outside them the call is scheduled (scheduled_at). */
  callingHours: CallingHours;
  /** Bolna's auto-retry for this call; null: none. */
  retryConfig: RetryConfig | null;
  /** Default `confirmation`; `reconfirmation` is the reminder before the interview. */
  purpose?: CallPurpose;
  /** Call although the interview has begun (the person was asked first); otherwise 409 `interview_passed`. */
  allowPast?: boolean;
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
function busyReason(tx: Tx, candidate: Candidate, now: Date, zone: string): string | null {
  if (candidate.callRequestedAt && now.getTime() - candidate.callRequestedAt.getTime() < CALL_LOCK_MS) {
    return `A call to ${candidate.name} is already being placed.`;
  }
  const latest = tx
    .select({
      status: calls.status,
      lastEventAt: calls.lastEventAt,
      createdAt: calls.createdAt,
      nextAttemptAt: calls.nextAttemptAt,
    })
    .from(calls)
    .where(eq(calls.candidateId, candidate.id))
    .orderBy(desc(calls.id))
    .limit(1)
    .get();
  // A call waiting for its scheduled time, or for a retry Bolna will make, would ring as well.
  if (latest?.nextAttemptAt && latest.nextAttemptAt.getTime() > now.getTime() - CALL_ACTIVE_MS) {
    return `A call to ${candidate.name} is already scheduled for ${formatInstant(latest.nextAttemptAt, zone)}; stop it first.`;
  }
  if (latest && !isTerminalStatus(latest.status)) {
    const lastHeard = (latest.lastEventAt ?? latest.createdAt).getTime();
    if (now.getTime() - lastHeard < CALL_ACTIVE_MS) {
      return `${candidate.name} is already on a call (${latest.status ?? "requested"}).`;
    }
  }
  return null;
}

/**
 * Takes the candidate's call lock, or refuses with 409 `do_not_call` (every way of calling comes here: call now,
 * batches, reminders), `call_in_progress`, `interview_passed` or `slot_full`.
 */
function takeLock(db: Db, candidateId: number, now: Date, fallbackZone: string, allowPast: boolean) {
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
      if (!candidate) throw notFound(`Candidate ${candidateId}`);
      if (candidate.doNotCall) throw doNotCallRefusal(candidate);
      const busy = busyReason(tx, candidate, now, candidateZone(candidate, fallbackZone));
      if (busy) throw new ApiError("call_in_progress", busy);
      // The agent would ask the candidate to confirm a time that has gone by.
      if (!allowPast && candidate.interviewAt.getTime() <= now.getTime()) {
        const when = formatInstant(candidate.interviewAt, candidateZone(candidate, fallbackZone));
        throw new ApiError(
          "interview_passed",
          `${candidate.name}'s interview (${when}) has passed: move it to a new time first, or call with allowPast.`,
        );
      }
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
  const purpose = options.purpose ?? "confirmation";
  const { candidate, slots } = takeLock(db, candidateId, takenAt, options.timezone, options.allowPast ?? false);
  // Outside the calling hours (in the candidate's zone) Bolna is asked to ring at the next allowed time instead.
  const zone = candidateZone(candidate, options.timezone);
  const scheduledAt = scheduleFor(takenAt, zone, options.callingHours);
  const scheduled = scheduledAt && {
    at: scheduledAt,
    reason: waitingReason({ kind: "scheduled", at: scheduledAt, number: 1, of: null, after: null }, zone),
  };
  let ack: Awaited<ReturnType<BolnaClient["placeCall"]>>;
  try {
    const userData = {
      ...buildUserData({
        candidate,
        allowedSlots: slots.allowed,
        poolSlots: slots.pool,
        zone,
        now: takenAt,
      }),
      purpose,
      // Bolna's per-call language (reference §8). Never agent_data.language as well: both at once is a 400.
      agent_language: candidateLanguage(candidate),
    };
    ack = await withBolnaErrors("place call", () =>
      client.placeCall({
        recipientPhone: candidate.phone,
        userData,
        scheduledAt: scheduledAt ?? undefined,
        zone,
        retryConfig: options.retryConfig,
      }),
    );
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
    scheduled,
    purpose,
    retryConfig: options.retryConfig,
    hoursNote: `${describeHours(options.callingHours)} in the candidate's zone, ${zone}`,
    // A scheduled call rings later: its hour is the one the analytics count (lib/analytics/local-hour.ts).
    localHour: callLocalHour(candidate, scheduledAt ?? takenAt, options.timezone),
    askedAbout: candidate.interviewAt,
  });
  return { executionId: ack.executionId, candidate: updated };
}
