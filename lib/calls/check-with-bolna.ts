import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { bolnaClient } from "@/lib/bolna/active-client";
import { env } from "@/lib/env";
import { reconcileCall } from "./reconcile";

/** "Check with Bolna" for one call, with this process's client; returns the call and candidate as they are now. */
export async function checkWithBolna(db: Db, executionId: string) {
  const config = env();
  const result = await reconcileCall(db, await bolnaClient(), executionId, {
    timezone: config.INTERVIEW_TIMEZONE,
    defaultCountry: config.DEFAULT_COUNTRY,
  });
  const call = db.select().from(calls).where(eq(calls.executionId, executionId)).get();
  const candidate = result.candidateId
    ? db.select().from(candidates).where(eq(candidates.id, result.candidateId)).get()
    : undefined;
  return { result, call, candidate };
}
