import { getDb } from "@/db/client";
import { bolnaClient } from "@/lib/bolna/active-client";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { placeCandidateCall, type PlacedCall } from "./place-call";

/** "Call now" by a person or the API token, with this process's Bolna client and database. */
export async function callNow(candidateId: number, actor: Actor): Promise<PlacedCall> {
  return placeCandidateCall(getDb(), await bolnaClient(), candidateId, {
    placedBy: actor.label,
    actorLabel: actor.label,
    timezone: env().INTERVIEW_TIMEZONE,
  });
}
