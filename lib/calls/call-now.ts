import type { Db } from "@/db/client";
import { bolnaClient } from "@/lib/bolna/active-client";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { configuredRetryConfig } from "./call-settings";
import { placeCandidateCall, type PlacedCall } from "./place-call";

/**
 * "Call now" by a person or the API token, with this process's Bolna client and database; outside the calling
 * hours it is scheduled for the next allowed time (CALLING_HOURS, CALLING_DAYS), with CALL_RETRIES' retries.
 * `allowPast`: the person was told the interview has passed and calls anyway.
 */
export async function callNow(db: Db, candidateId: number, actor: Actor, allowPast = false): Promise<PlacedCall> {
  return placeCandidateCall(db, await bolnaClient(), candidateId, {
    placedBy: actor.label,
    actorLabel: actor.label,
    timezone: env().INTERVIEW_TIMEZONE,
    callingHours: env().callingHours,
    retryConfig: configuredRetryConfig(),
    allowPast,
  });
}
