import { getDb } from "@/db/client";
import { withPermission } from "@/lib/http/route";
import { countOpenUnmatched, listUnmatched, type UnmatchedDelivery } from "@/lib/webhook/inbox";
import { otherMethods } from "@/lib/http/other-methods";

const deliveryJson = (delivery: UnmatchedDelivery) => ({ ...delivery, receivedAt: delivery.receivedAt.toISOString() });

/**
 * The open unmatched deliveries (newest first, up to 100, each body cut to its start: the whole one is
 * GET /api/webhook-events/{id}/raw) and how many are open in all.
 */
export const GET = withPermission("webhooks:inspect", () => {
  const db = getDb();
  return Response.json({ deliveries: listUnmatched(db, 100).map(deliveryJson), total: countOpenUnmatched(db) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
