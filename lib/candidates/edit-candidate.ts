import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type Candidate } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { ApiError, notFound } from "@/lib/http/api-error";
import { slotFull, slotHasRoom } from "@/lib/slots/slot-capacity";
import { zoneToStore } from "@/lib/time/zone-for-phone";
import type { CandidateDetailsInput } from "./candidate-input";
import { assertNotPast, validPhone, type CandidateConfig } from "./create-candidate";
import { saveCandidate } from "./save-candidate";

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

/**
 * A recruiter corrects who the candidate is or when the interview is. A new interview time is checked like a
 * new candidate's (not in the past unless meant, room in its pool slot), resolves a flagged reschedule, and
 * counts as a person's decision: webhooks about calls made before it no longer move the interview. One audit
 * entry names what changed.
 */
export function editCandidate(
  db: Db,
  id: number,
  input: CandidateDetailsInput,
  config: CandidateConfig,
  actor: Actor,
  now = new Date(),
): Candidate {
  const phone = validPhone(input.phone, config.defaultCountry);
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, id)).get();
      if (!candidate) throw notFound(`Candidate ${id}`);
      const next = {
        name: input.name,
        phone,
        email: input.email,
        position: input.position,
        timeZone: zoneToStore(input.timeZone, phone),
        language: input.language ?? candidate.language,
        interviewAt: input.interviewAt,
      };
      const changed = (Object.keys(FIELD_NAMES) as Field[]).filter((field) =>
        field === "interviewAt"
          ? next.interviewAt.getTime() !== candidate.interviewAt.getTime()
          : next[field] !== candidate[field],
      );
      if (changed.length === 0) return candidate;
      if (phone !== candidate.phone) {
        const taken = tx
          .select({ id: candidates.id })
          .from(candidates)
          .where(and(eq(candidates.phone, phone), ne(candidates.id, id)))
          .get();
        if (taken) throw new ApiError("conflict", `Another candidate (#${taken.id}) already has the phone ${phone}.`);
      }
      const moved = changed.includes("interviewAt");
      if (moved) {
        assertNotPast(next.interviewAt, input.allowPast, now);
        if (candidate.status !== "declined" && !slotHasRoom(tx, next.interviewAt, id)) throw slotFull(next.interviewAt);
      }
      const updated = saveCandidate(tx, candidate, {
        ...candidate,
        ...next,
        ...(moved && { requestedInterviewAt: null, manualStatusAt: now }),
        updatedAt: now,
      });
      recordStatusChange(tx, {
        candidateId: id,
        candidateName: updated.name,
        fromStatus: candidate.status,
        toStatus: candidate.status,
        fromInterviewAt: moved ? candidate.interviewAt : null,
        toInterviewAt: moved ? next.interviewAt : null,
        source: "manual",
        actor: actor.label,
        reason: `Edited by ${actor.label}: ${changed.map((field) => FIELD_NAMES[field]).join(", ")}`,
        at: now,
      });
      return updated;
    },
    { behavior: "immediate" },
  );
}
