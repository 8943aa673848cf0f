import { getDb } from "@/db/client";
import { readJson } from "@/lib/http/read-json";
import { idParam, withPermission } from "@/lib/http/route";
import { linkDelivery, linkInput } from "@/lib/webhook/link-delivery";
import { otherMethods } from "@/lib/http/other-methods";

export const POST = withPermission<{ eventId: string }>("webhooks:inspect", async ({ request, actor, params }) => {
  const eventId = idParam(params.eventId, "Unmatched delivery");
  const { candidateId } = await readJson(request, linkInput);
  const linked = linkDelivery(getDb(), { eventId, candidateId, actor: actor.label });
  return Response.json({ ok: true, ...linked });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
