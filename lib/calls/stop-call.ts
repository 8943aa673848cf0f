import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls } from "@/db/schema";
import { bolnaClient } from "@/lib/bolna/active-client";
import { withBolnaErrors } from "@/lib/bolna/bolna-http-error";
import { ApiError, notFound } from "@/lib/http/api-error";
import { checkWithBolna } from "./check-with-bolna";

const STOPPABLE = new Set(["scheduled", "queued", "rescheduled"]);

/**
 * Stops a call that has not rung yet — one scheduled for calling hours, or waiting for Bolna's retry — with
 * Bolna's POST /call/{id}/stop, then applies the stopped execution through the pipeline (as "Check with Bolna"
 * does), so the candidate is free to be called again. 409 call_not_stoppable for a call already ringing or over.
 */
export async function stopScheduledCall(db: Db, executionId: string) {
  const call = db.select().from(calls).where(eq(calls.executionId, executionId)).get();
  if (!call) throw notFound(`Call ${executionId}`);
  if (call.nextAttemptAt === null && !STOPPABLE.has(call.status ?? "")) {
    throw new ApiError(
      "call_not_stoppable",
      `This call is ${call.status ?? "unknown"}: only a call that has not rung yet can be stopped.`,
    );
  }
  const client = await bolnaClient();
  await withBolnaErrors("stop call", () => client.stopCall(executionId));
  return checkWithBolna(db, executionId);
}
