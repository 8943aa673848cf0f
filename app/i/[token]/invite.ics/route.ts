import { getDb } from "@/db/client";
import { inviteResponse } from "@/lib/calendar/invite-response";
import { otherMethods } from "@/lib/http/other-methods";
import { publicRoute } from "@/lib/http/public-route";
import { openLink } from "@/lib/self-service/links";
import { limitSelfService } from "@/lib/self-service/rate-limit";

/** The calendar file behind a self-service link (public: the token is the credential; it names no person). */
export const GET = publicRoute<{ token: string }>(async ({ request, params }) => {
  const db = getDb();
  await limitSelfService(db, request.headers);
  return inviteResponse(db, openLink(db, params.token, new Date(), "view").candidate, "public");
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
