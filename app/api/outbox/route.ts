import { getDb } from "@/db/client";
import { otherMethods } from "@/lib/http/other-methods";
import { withPermission } from "@/lib/http/route";
import { outboxQuery } from "@/lib/mail/mail-input";
import { outboxEntries, outboxJson } from "@/lib/mail/outbox-view";

/** Messages to candidates, newest first (50 a page; `?before=<id>` for older ones): admins only. */
export const GET = withPermission("audit:read", ({ request }) => {
  const { before } = outboxQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ messages: outboxEntries(getDb(), before).map(outboxJson) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
