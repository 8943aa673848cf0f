import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { candidates } from "@/db/schema";
import { inviteResponse } from "@/lib/calendar/invite-response";
import { notFound } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { idParam, withPermission } from "@/lib/http/route";

/** The candidate's calendar invite (RFC 5545): REQUEST, or CANCEL after a decline. */
export const GET = withPermission<{ id: string }>("candidates:read", ({ params }) => {
  const id = idParam(params.id, "Candidate");
  const db = getDb();
  const candidate = db.select().from(candidates).where(eq(candidates.id, id)).get();
  if (!candidate) throw notFound(`Candidate ${id}`);
  return inviteResponse(db, candidate, "attendee");
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
