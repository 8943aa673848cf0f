import { getDb } from "@/db/client";
import { storedBody } from "@/lib/webhook/inbox";
import { notFound } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { idParam, withPermission } from "@/lib/http/route";

/**
 * `GET /api/webhook-events/{id}/raw`: the whole body of a webhook delivery exactly as it was stored, as a JSON
 * download. Pages show only its start (lib/candidates/candidate-timeline.ts, lib/webhook/inbox.ts).
 */
export const GET = withPermission<{ id: string }>("webhooks:inspect", ({ params }) => {
  const id = idParam(params.id, "Webhook delivery");
  const body = storedBody(getDb(), id);
  if (body === null) throw notFound(`The body of webhook delivery ${id}`);
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="webhook-delivery-${id}.json"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
