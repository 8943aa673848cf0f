import type { Db } from "@/db/client";
import type { Candidate } from "@/db/schema";
import type { Language } from "@/db/values";
import { env } from "@/lib/env";
import { isoIn, spokenWhen } from "@/lib/i18n/when";
import { offeredSlots } from "@/lib/self-service/offered-slots";
import type { AgentCall } from "./agent-call";

/** At most this many slots per answer: the agent reads them out while the candidate listens. */
const MAX_AGENT_SLOTS = 5;

export type SpokenSlot = { id: number; startsAt: string; spoken: string };

const HOUR_MS = 3600_000;

/**
 * The earliest start the agent may move an interview to: the self-service cutoff (SELF_SERVICE_CUTOFF_HOURS)
 * holds on the phone too, so no channel books a slot too close for the recruiter to prepare.
 */
export const earliestBookable = (now: Date) => new Date(now.getTime() + env().SELF_SERVICE_CUTOFF_HOURS * HOUR_MS);

/**
 * The free future slots the candidate may move to (theirs to choose, else the pool, as on the self-service page),
 * the soonest first, each said on the candidate's clock and in their language.
 */
export function freeSlotsFor(
  db: Pick<Db, "select">,
  candidate: Pick<Candidate, "id" | "interviewAt">,
  speech: { zone: string; language: Language },
  now: Date,
): SpokenSlot[] {
  return offeredSlots(db, candidate, earliestBookable(now))
    .slice(0, MAX_AGENT_SLOTS)
    .map((slot) => ({
      id: slot.id,
      startsAt: isoIn(slot.startsAt, speech.zone),
      spoken: spokenWhen(slot.startsAt, speech.zone, speech.language, now),
    }));
}

/** `GET /api/agent/slots`: the interview as the agent should say it, and the slots it may offer instead. */
export function agentSlots(db: Pick<Db, "select">, { candidate, zone, language }: AgentCall, now: Date) {
  return {
    interview: {
      startsAt: isoIn(candidate.interviewAt, zone),
      spoken: spokenWhen(candidate.interviewAt, zone, language, now),
    },
    slots: freeSlotsFor(db, candidate, { zone, language }, now),
  };
}
