import { and, eq, ne } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { candidates, selfServiceLinks, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ApiError, notFound } from "@/lib/http/api-error";
import { slotFull, slotHasRoom } from "@/lib/slots/slot-capacity";
import { candidateZone, zoneToStore } from "@/lib/time/zone-for-phone";
import { applyTransition } from "./apply-transition";
import type { CandidatePatch } from "./candidate-input";
import { assertNotPast, interviewInstant, validPhone, type CandidateConfig } from "./create-candidate";
import { hasAnswered } from "./state-machine";

const FIELD_NAMES = {
  name: "name",
  phone: "phone",
  email: "email",
  position: "position",
  timeZone: "time zone",
  language: "language",
  interviewAt: "interview",
} as const;

type Field = keyof typeof FIELD_NAMES;
type Details = Pick<Candidate, Field>;

/** The candidate's details after the edit: a field the client left out keeps its value. */
function patched(candidate: Candidate, input: CandidatePatch, config: CandidateConfig): Details {
  const phone = input.phone === undefined ? candidate.phone : validPhone(input.phone, config.defaultCountry);
  // A zone given (or cleared: the phone's, when it is certain) is stored as the form and POST store it.
  const timeZone = input.timeZone === undefined ? candidate.timeZone : zoneToStore(input.timeZone, phone);
  return {
    name: input.name ?? candidate.name,
    phone,
    email: input.email === undefined ? candidate.email : input.email,
    position: input.position === undefined ? candidate.position : input.position,
    timeZone,
    // Null (a form left on "the default") keeps the language the candidate has.
    language: input.language ?? candidate.language,
    interviewAt:
      input.interviewAt === undefined
        ? candidate.interviewAt
        : interviewInstant(input.interviewAt, candidateZone({ timeZone, phone }, config.timezone)),
  };
}

function assertPhoneFree(tx: Tx, phone: string, id: number): void {
  const taken = tx
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.phone, phone), ne(candidates.id, id)))
    .get();
  if (taken) throw new ApiError("conflict", `Another candidate (#${taken.id}) already has the phone ${phone}.`);
}

/** Whether the candidate was sent an invite for the interview as it was: their answer, or a self-service link. */
function holdsInvite(tx: Tx, candidate: Candidate): boolean {
  if (hasAnswered(candidate)) return true;
  return (
    tx.select({ id: selfServiceLinks.id }).from(selfServiceLinks).where(eq(selfServiceLinks.candidateId, candidate.id)).get() !==
    undefined
  );
}

/**
 * A recruiter corrects who the candidate is or when the interview is (the edit form, PATCH /api/candidates/{id}).
 * A new interview time is checked like a new candidate's (not in the past unless meant, room in its pool slot)
 * and goes through the state machine: it resolves a flagged reschedule, and a candidate who had confirmed (or
 * asked to move) now needs reconfirmation and is sent the updated invite. One audit entry names what changed.
 */
export function editCandidate(
  db: Db,
  id: number,
  input: CandidatePatch,
  config: CandidateConfig,
  actor: Actor,
  now = new Date(),
): Candidate {
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
      if (!candidate) throw notFound(`Candidate ${id}`);
      const next = patched(candidate, input, config);
      const changed = (Object.keys(FIELD_NAMES) as Field[]).filter((field) =>
        field === "interviewAt"
          ? next.interviewAt.getTime() !== candidate.interviewAt.getTime()
          : next[field] !== candidate[field],
      );
      if (changed.length === 0) return candidate;
      if (next.phone !== candidate.phone) assertPhoneFree(tx, next.phone, id);
      const moved = changed.includes("interviewAt");
      if (moved) {
        assertNotPast(next.interviewAt, input.allowPast ?? false, now);
        if (candidate.status !== "declined" && !slotHasRoom(tx, next.interviewAt, id)) throw slotFull(next.interviewAt);
      }
      const { interviewAt, ...details } = next;
      tx.update(candidates).set(details).where(eq(candidates.id, id)).run();
      const edited = `Edited by ${actor.label}: ${changed.map((field) => FIELD_NAMES[field]).join(", ")}`;
      const zone = candidateZone(next, config.timezone);
      const event = moved
        ? { kind: "moved_by_hand" as const, to: interviewAt, by: actor.label, zone, holdsInvite: holdsInvite(tx, candidate) }
        : null;
      const updated = applyTransition(db, { ...candidate, ...details }, event, {
        source: "manual",
        actor: actor.label,
        now,
        auditAlways: true,
        reviewNote: "The interview moved: the proposal was about the earlier time",
        auditReason: (after) => (after.status === candidate.status ? edited : `${edited}. ${after.statusReason}`),
      });
      return updated;
    },
    { behavior: "immediate" },
  );
}
