import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidateReschedulingSlots, candidates, interviewSlots, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { ApiError } from "@/lib/http/api-error";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { slotFull, slotHasRoom } from "@/lib/slots/slot-capacity";
import { env } from "@/lib/env";
import { candidateZone, zoneToStore } from "@/lib/time/zone-for-phone";
import { readOffsetTime } from "@/lib/time/zoned-input";
import type { CreateCandidateInput } from "./candidate-input";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Refuses slot ids that are not in the pool, naming the field the client sent them in. */
export function assertSlotsExist(tx: Pick<Db, "select">, slotIds: number[], field: string): void {
  if (slotIds.length === 0) return;
  const found = tx.select({ id: interviewSlots.id }).from(interviewSlots).where(inArray(interviewSlots.id, slotIds)).all();
  const missing = slotIds.filter((id) => !found.some((slot) => slot.id === id));
  if (missing.length > 0)
    throw new ApiError("validation_failed", `${field}: unknown interview slot ${missing.join(", ")}`, field);
}

export function replaceReschedulingSlots(tx: Tx, candidateId: number, slotIds: number[]): void {
  tx.delete(candidateReschedulingSlots).where(eq(candidateReschedulingSlots.candidateId, candidateId)).run();
  const unique = [...new Set(slotIds)];
  if (unique.length > 0) {
    tx.insert(candidateReschedulingSlots)
      .values(unique.map((slotId) => ({ candidateId, slotId })))
      .run();
  }
}

/** Where candidates are added: national phone numbers are read in `defaultCountry`; `timezone` is INTERVIEW_TIMEZONE. */
export type CandidateConfig = { defaultCountry: string; timezone: string };

/** The phone in E.164, or a 422 naming the field. */
export function validPhone(input: string, defaultCountry: string): string {
  const phone = normalizePhone(input, defaultCountry);
  if (!phone) throw new ApiError("validation_failed", "phone: not a valid phone number", "phone");
  return phone;
}

/**
 * The interview time a client wrote, read in the candidate's zone: a wall clock that zone skips, written with one of
 * its own offsets, is refused (422 naming both readings) rather than saved an hour off (lib/time/zoned-input.ts).
 */
export function interviewInstant(text: string, zone: string): Date {
  const read = readOffsetTime(text, zone);
  if (!read) throw new ApiError("validation_failed", "interviewAt: must be an ISO 8601 date-time with an offset", "interviewAt");
  if (!read.ok) throw new ApiError("validation_failed", `interviewAt: ${read.message}`, "interviewAt");
  return read.at;
}

/** Refuses an interview that has already begun, unless the client said it records a past one on purpose. */
export function assertNotPast(interviewAt: Date, allowPast: boolean, now: Date): void {
  if (allowPast || interviewAt.getTime() > now.getTime()) return;
  throw new ApiError(
    "validation_failed",
    "interviewAt: the interview is in the past; to record a past interview on purpose, set allowPast",
    "interviewAt",
  );
}

/**
 * Adds a candidate. Every candidate gets a time zone: the one given, else the phone's country's
 * (lib/time/zone-for-phone.ts), else INTERVIEW_TIMEZONE.
 */
export function createCandidate(
  db: Db,
  input: CreateCandidateInput,
  config: CandidateConfig,
  actor: Actor,
  now = new Date(),
): Candidate {
  const phone = validPhone(input.phone, config.defaultCountry);
  const timeZone = zoneToStore(input.timeZone, phone);
  // Read in the zone the candidate's times are shown in (INTERVIEW_TIMEZONE when their zone is assumed).
  const interviewAt = interviewInstant(input.interviewAt, candidateZone({ timeZone, phone }, config.timezone));
  assertNotPast(interviewAt, input.allowPast, now);
  return db.transaction(
    (tx) => {
      const taken = tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.phone, phone)).get();
      if (taken) throw new ApiError("conflict", `Another candidate (#${taken.id}) already has the phone ${phone}.`);
      assertSlotsExist(tx, input.reschedulingSlotIds, "reschedulingSlotIds");
      if (!slotHasRoom(tx, interviewAt, 0)) throw slotFull(interviewAt);
      const created = tx
        .insert(candidates)
        .values({
          name: input.name,
          phone,
          email: input.email,
          position: input.position,
          timeZone,
          language: input.language ?? env().DEFAULT_LANGUAGE,
          appliedAt: input.appliedAt ?? now,
          interviewAt,
          statusEvent: "added",
          statusChangedAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      replaceReschedulingSlots(tx, created.id, input.reschedulingSlotIds);
      recordStatusChange(tx, {
        candidateId: created.id,
        candidateName: created.name,
        fromStatus: null,
        toStatus: "pending",
        source: "manual",
        actor: actor.label,
        reason: "Candidate added",
        at: now,
      });
      return created;
    },
    { behavior: "immediate" },
  );
}
