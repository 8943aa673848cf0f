"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/http/form-action";
import { dismissDelivery, linkDelivery, linkInput } from "@/lib/webhook/link-delivery";

// A hidden field on the page, but a client can send any value.
const eventId = z.coerce.number().int().positive();

export const linkToCandidate = formAction("webhooks:inspect", linkInput.extend({ eventId }), (input, { actor }) => {
  linkDelivery(getDb(), { eventId: input.eventId, candidateId: input.candidateId, actor: actor.label });
  revalidatePath("/inbox");
  return { ok: true };
});

export const dismiss = formAction("webhooks:inspect", z.object({ eventId }), (input, { actor }) => {
  dismissDelivery(getDb(), input.eventId, actor.label);
  revalidatePath("/inbox");
  return { ok: true };
});
