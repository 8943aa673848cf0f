"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/http/form-action";
import { dismissDelivery, linkDelivery } from "@/lib/webhook/link-delivery";
import { deliveryForm, linkDeliveryForm } from "@/lib/webhook/webhook-input";

export const linkToCandidate = formAction("webhooks:inspect", linkDeliveryForm, (input, { actor }) => {
  linkDelivery(getDb(), { eventId: input.eventId, candidateId: input.candidateId, actor: actor.label });
  revalidatePath("/inbox");
  return { ok: true };
});

export const dismiss = formAction("webhooks:inspect", deliveryForm, (input, { actor }) => {
  dismissDelivery(getDb(), input.eventId, actor.label);
  revalidatePath("/inbox");
  return { ok: true };
});
