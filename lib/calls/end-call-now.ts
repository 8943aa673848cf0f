import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { bolnaClient } from "@/lib/bolna/active-client";
import { env } from "@/lib/env";
import { endUnknownCall, type EndedCall } from "./end-unknown-call";

/** "End call" with this process's Bolna client; a call counts as quiet after RECONCILE_AFTER_MINUTES. */
export async function endCallNow(db: Db, executionId: string, actor: Actor): Promise<EndedCall> {
  const config = env();
  return endUnknownCall(db, await bolnaClient(), executionId, {
    actor,
    quietMs: config.reconcileAfterMs,
    timezone: config.INTERVIEW_TIMEZONE,
    defaultCountry: config.DEFAULT_COUNTRY,
  });
}
