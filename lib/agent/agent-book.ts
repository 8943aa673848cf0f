import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import type { ErrorCode } from "@/lib/http/error-codes";
import { calls, interviewSlots, type Candidate } from "@/db/schema";
import { applyTransition } from "@/lib/candidates/apply-transition";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { translator } from "@/lib/i18n/translator";
import { isoIn, spokenWhen } from "@/lib/i18n/when";
import { isOffered } from "@/lib/self-service/offered-slots";
import { assertNotOverbooked, slotHasRoom } from "@/lib/slots/slot-capacity";
import { agentCall, executionIdParam, type AgentCall } from "./agent-call";
import { earliestBookable, freeSlotsFor, type SpokenSlot } from "./agent-slots";

export const agentBookInput = z.object({
  execution_id: executionIdParam,
  // Bolna's LLM fills tool parameters as text as often as numbers.
  slot_id: z.coerce.number({ error: "must be a slot id" }).int().positive().max(Number.MAX_SAFE_INTEGER),
});
export type AgentBookInput = z.infer<typeof agentBookInput>;

/** Who the audit names for a booking: the agent, on which call. */
const AGENT_ACTOR = "voice agent";

type Booked = { ok: true; spoken: string; interviewAt: string };
/** A refusal the agent can act on: the reason (plain data: it crosses from the writer thread), and the free slots to offer instead. */
type NotBooked = { ok: false; error: { code: ErrorCode; message: string }; slots: SpokenSlot[]; spoken: string };
export type AgentBooking = Booked | NotBooked;

function refusal(tx: Db, found: AgentCall, error: ApiError, now: Date): NotBooked {
  const slots = freeSlotsFor(tx, found.candidate, found, now);
  const t = translator(found.language, "agent");
  return {
    ok: false,
    error: { code: error.code, message: error.message },
    slots,
    spoken: slots.length > 0 ? t("slotFull") : t("noSlots"),
  };
}

/**
 * The candidate moved to the slot at once, through the state machine (lib/candidates/state-machine.ts): status,
 * interview and its invite SEQUENCE (written by lib/candidates/save-candidate.ts), one audit entry, the e-mail's
 * intent; and the call remembers the booking.
 */
function book(db: Db, { call, candidate, zone }: AgentCall, startsAt: Date, now: Date): Candidate {
  db.update(calls).set({ agentBookedAt: now, agentBookedInterviewAt: startsAt }).where(eq(calls.id, call.id)).run();
  return applyTransition(
    db,
    candidate,
    { kind: "booked_by_agent", to: startsAt, zone },
    { source: "agent", actor: AGENT_ACTOR, now, executionId: call.executionId },
  );
}

/**
 * `POST /api/agent/book`: moves the call's candidate to the slot while they are on the line. Run inside one
 * IMMEDIATE transaction (the writer thread's group commit, lib/agent/agent-writes.ts) that reads the slot's
 * bookings and writes the move, so two calls racing for the last place cannot both have it: the second is
 * refused (409 slot_full) with the free slots to offer instead. Booking the time the candidate already holds
 * changes nothing. The call remembers the booking: the webhook that follows never books again, and never undoes
 * it (lib/calls/update-candidate.ts).
 */
export function bookWithin(tx: Db, input: AgentBookInput, now: Date): AgentBooking {
  const found = agentCall(tx, input.execution_id, now);
  const { candidate, zone, language } = found;
  const t = translator(language, "agent");
  const slot = tx.select().from(interviewSlots).where(eq(interviewSlots.id, input.slot_id)).get();
  if (!slot) throw new ApiError("validation_failed", "slot_id: there is no such slot.", "slot_id");
  const when = spokenWhen(slot.startsAt, zone, language, now);
  if (slot.startsAt.getTime() === candidate.interviewAt.getTime()) {
    return { ok: true, spoken: t("alreadyBooked", { when }), interviewAt: isoIn(slot.startsAt, zone) };
  }
  if (!isOffered(tx, candidate.id, slot.id)) {
    return refusal(tx, found, new ApiError("slot_not_offered", "This slot is not one the candidate may choose."), now);
  }
  if (slot.startsAt.getTime() < earliestBookable(now).getTime()) {
    const hours = env().SELF_SERVICE_CUTOFF_HOURS;
    return refusal(tx, found, new ApiError("slot_too_close", `Slots start at least ${hours} hours from now.`), now);
  }
  if (!slotHasRoom(tx, slot.startsAt, candidate.id)) {
    return refusal(tx, found, new ApiError("slot_full", "This slot has just been taken."), now);
  }
  book(tx, found, slot.startsAt, now);
  assertNotOverbooked(tx, [slot.startsAt]);
  return { ok: true, spoken: t("booked", { when }), interviewAt: isoIn(slot.startsAt, zone) };
}
