import { getDb } from "@/db/client";
import { idParam, withPermission } from "@/lib/http/route";
import { dismissDelivery } from "@/lib/webhook/link-delivery";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = withPermission<{ eventId: string }>("webhooks:inspect", ({ actor, params }) => {
  const dismissed = dismissDelivery(getDb(), idParam(params.eventId, "Unmatched delivery"), actor.label);
  return Response.json({ ok: true, eventId: dismissed.eventId, dismissedAt: dismissed.dismissedAt.toISOString() });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
