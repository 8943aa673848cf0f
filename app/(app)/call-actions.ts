"use server";

import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { callNow } from "@/lib/calls/call-now";
import { checkWithBolna } from "@/lib/calls/check-with-bolna";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";

/** "Call now" from a board row or the candidate page. Pages refresh through the change feed, not revalidatePath. */
export async function callCandidateNow(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "calls:place", async () => {
    const id = Number(form.get("candidateId"));
    if (!Number.isSafeInteger(id) || id <= 0) return { ok: false, message: "Unknown candidate." };
    const placed = await callNow(getDb(), id, actor);
    return { ok: true, message: `Calling ${placed.candidate?.name ?? "the candidate"}…` };
  });
}

/** "Check with Bolna" for one call. */
export async function reconcileCallNow(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "calls:place", async () => {
    const executionId = String(form.get("executionId") ?? "").trim();
    if (!executionId) return { ok: false, message: "Unknown call." };
    const { result } = await checkWithBolna(getDb(), executionId);
    const status = result.bolnaStatus ?? "unknown";
    return {
      ok: true,
      message: result.result === "applied" ? `Updated: Bolna reports ${status}.` : `Already up to date: Bolna reports ${status}.`,
    };
  });
}
