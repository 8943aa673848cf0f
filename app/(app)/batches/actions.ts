"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { cancelBatch, createBatch, createBatchInput } from "@/lib/batches/batches";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";

const numberOr = (value: FormDataEntryValue | null, fallback: number) => {
  const text = String(value ?? "").trim();
  return text === "" ? fallback : Number(text);
};

export async function startBatch(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  let batchId: number | undefined;
  const result = await runAction(actor, "calls:place", () => {
    const input = createBatchInput.parse({
      candidateIds: form.getAll("candidateIds").map(Number),
      allPending: form.get("allPending") === "on",
      concurrency: numberOr(form.get("concurrency"), 3),
      pacingMs: Math.round(numberOr(form.get("pacingSeconds"), 1) * 1000),
      // Empty: the configured retries (CALL_RETRIES); a number overrides them for this batch.
      retry: form.get("retries") ? { maxRetries: Number(form.get("retries")) } : undefined,
    });
    batchId = createBatch(getDb(), input, actor).id;
    return { ok: true };
  });
  if (result.ok && batchId !== undefined) redirect(`/batches/${batchId}`);
  if (result.fieldErrors?.pacingMs) result.fieldErrors.pacingSeconds = result.fieldErrors.pacingMs;
  return result;
}

export async function cancelBatchAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "calls:place", () => {
    const id = Number(form.get("batchId"));
    cancelBatch(getDb(), id);
    return { ok: true, message: "Batch cancelled: no further calls will start." };
  });
}
