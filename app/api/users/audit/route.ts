import { getDb } from "@/db/client";
import { listUserEvents, userEventsQuery } from "@/lib/auth/user-events";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** `GET /api/users/audit?page=&pageSize=`: who created, changed, (de)activated or unlocked which user, newest first. */
export const GET = withPermission("users:manage", ({ request }) => {
  const query = userEventsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { events, total } = listUserEvents(getDb(), query);
  return Response.json({ events, total, page: query.page, pageSize: query.pageSize });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
