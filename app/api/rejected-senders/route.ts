import { getDb } from "@/db/client";
import { withPermission } from "@/lib/http/route";
import { listRejectedSenders } from "@/lib/webhook/inbox";
import { otherMethods } from "@/lib/http/other-methods";

/** Webhook senders refused by the IP check, the most recently seen first (up to 100). */
export const GET = withPermission("webhooks:inspect", () =>
  Response.json({
    senders: listRejectedSenders(getDb()).map((sender) => ({
      ...sender,
      firstSeenAt: sender.firstSeenAt.toISOString(),
      lastSeenAt: sender.lastSeenAt.toISOString(),
    })),
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
