import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { applyTransition } from "@/lib/candidates/apply-transition";
import { BolnaApiError, withBolnaErrors } from "@/lib/bolna/bolna-http-error";
import { isTerminalStatus } from "@/lib/bolna/call-status";
import type { BolnaClient } from "@/lib/bolna/client";
import { callStatusWords } from "@/lib/candidates/candidate-situation";
import { ApiError, notFound } from "@/lib/http/api-error";
import type { ApplyConfig } from "./apply-execution";
import { reconcileCall } from "./reconcile";

/** Bolna stops a call only while it has not begun (reference §5). */
const STOPPABLE = new Set(["queued", "scheduled"]);

export type EndedCall = { result: "ended" | "stopped" | "updated"; message: string };

type Options = ApplyConfig & { actor: Actor; quietMs: number; now?: Date };

/**
 * "End call" for a call that shows no final status and that Bolna has not reported on for `quietMs`
 * (RECONCILE_AFTER_MINUTES). Bolna is asked first: a call it still has queued or scheduled is stopped there
 * (POST /call/{id}/stop) and its state applied; a call it knows otherwise is brought up to date, not ended; a
 * call it has no record of (404) is marked ended here, and the candidate goes back to pending, audited.
 */
export async function endUnknownCall(db: Db, client: BolnaClient, executionId: string, options: Options): Promise<EndedCall> {
  const now = options.now ?? new Date();
  const call = db.select().from(calls).where(eq(calls.executionId, executionId)).get();
  if (!call) throw notFound(`Call ${executionId}`);
  if (isTerminalStatus(call.status)) throw new ApiError("call_not_stuck", "The call has already ended.");
  const quietFor = now.getTime() - (call.lastEventAt ?? call.createdAt).getTime();
  if (quietFor < options.quietMs) {
    const minutes = Math.ceil(options.quietMs / 60_000);
    throw new ApiError("call_not_stuck", `Bolna reported on this call less than ${minutes} min ago: wait, or check with Bolna.`);
  }
  try {
    const known = await withBolnaErrors("fetch execution", () => client.getExecution(executionId));
    const status = typeof known.execution.status === "string" ? known.execution.status : null;
    if (status && STOPPABLE.has(status)) {
      await withBolnaErrors("stop call", () => client.stopCall(executionId));
      await reconcileCall(db, client, executionId, options);
      return { result: "stopped", message: "Bolna had not placed the call yet: it is stopped." };
    }
    await reconcileCall(db, client, executionId, options);
    return {
      result: "updated",
      message: `Bolna knows this call (${callStatusWords(status).toLowerCase()}), so it was not ended: the page shows what Bolna reports.`,
    };
  } catch (error) {
    if (!(error instanceof BolnaApiError && error.code === "bolna_not_found")) throw error;
  }
  markEnded(db, call.id, options.actor, now);
  return { result: "ended", message: "Bolna had no record of the call: it is marked ended and the candidate is pending again." };
}

function markEnded(db: Db, callId: number, actor: Actor, now: Date): void {
  const reason = `Call ended by ${actor.label}; Bolna had no record of it`;
  db.transaction(
    (tx) => {
      const call = tx.select().from(calls).where(eq(calls.id, callId)).get();
      // Settled meanwhile (a late webhook): nothing to end.
      if (!call || isTerminalStatus(call.status)) return;
      tx.update(calls)
        .set({ status: "stopped", outcome: "pending", outcomeReason: reason, updatedAt: now })
        .where(eq(calls.id, callId))
        .run();
      const candidate = tx.select().from(candidates).where(eq(candidates.id, call.candidateId)).get();
      if (!candidate || candidate.latestCallId !== callId) return;
      applyTransition(
        db,
        candidate,
        { kind: "call_ended", reason },
        {
          source: "manual",
          actor: actor.label,
          now,
          executionId: call.executionId,
          auditReason: reason,
          auditAlways: true,
          with: {
            callStatus: "stopped",
            // Ended here with its outcome pending: unclear if the candidate had spoken.
            latestCallUnclear: (call.conversationSeconds ?? 0) > 0,
            callRequestedAt: null,
            nextAttemptAt: null,
            nextAttemptNumber: null,
          },
        },
      );
    },
    { behavior: "immediate" },
  );
}
