import type { Db } from "@/db/client";
import { bolnaClient } from "@/lib/bolna/active-client";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { placeCandidateCall, type PlacedCall } from "./place-call";

/**
 * "Call now" by a person or the API token, with this process's Bolna client and database. `allowPast`: the
 * person was told the interview has passed and calls anyway.
 */
export async function callNow(db: Db, candidateId: number, actor: Actor, allowPast = false): Promise<PlacedCall> {
  return placeCandidateCall(db, await bolnaClient(), candidateId, {
    placedBy: actor.label,
    actorLabel: actor.label,
    timezone: env().INTERVIEW_TIMEZONE,
    allowPast,
  });
}
