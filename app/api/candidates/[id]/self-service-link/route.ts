import { getDb } from "@/db/client";
import { otherMethods } from "@/lib/http/other-methods";
import { siteOrigin } from "@/lib/http/request-origin";
import { idParam, withPermission } from "@/lib/http/route";
import { createSelfServiceLink, revokeSelfServiceLinks } from "@/lib/self-service/links";

type Params = { id: string };

/** A new signed, expiring link for the candidate (it ends their earlier ones): 201 {url, expiresAt}. */
export const POST = withPermission<Params>("candidates:write", ({ request, params, actor }) => {
  const base = siteOrigin(request.headers);
  const link = createSelfServiceLink(getDb(), idParam(params.id, "Candidate"), actor, base);
  return Response.json({ url: link.url, expiresAt: link.expiresAt.toISOString() }, { status: 201 });
});

/** Revokes every link of the candidate: 200 {revoked: n}. */
export const DELETE = withPermission<Params>("candidates:write", ({ params }) => {
  return Response.json({ revoked: revokeSelfServiceLinks(getDb(), idParam(params.id, "Candidate")) });
});

export const { GET, PUT, PATCH, OPTIONS } = otherMethods("POST", "DELETE");
