"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";
import { dismissDelivery, linkDelivery, linkInput } from "@/lib/webhook/link-delivery";

// Bound ids arrive from the browser like any other input.
const eventIdInput = z.number().int().positive();

export async function linkToCandidate(eventId: number, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "webhooks:inspect", () => {
    const { candidateId } = linkInput.parse({ candidateId: form.get("candidateId") ?? "" });
    linkDelivery(getDb(), { eventId: eventIdInput.parse(eventId), candidateId, actor: actor.label });
    revalidatePath("/inbox");
    return { ok: true };
  });
}

export async function dismiss(eventId: number): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "webhooks:inspect", () => {
    dismissDelivery(getDb(), eventIdInput.parse(eventId), actor.label);
    revalidatePath("/inbox");
    return { ok: true };
  });
}
