import { getDb } from "@/db/client";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";
import { listResolvedReviews } from "@/lib/review/list-reviews";
import { reviewListQuery } from "@/lib/review/review-input";
import { reviewItemJson } from "@/lib/review/review-json";

/** `GET /api/review/resolved?limit=` → who reviewed what, newest first (admins). */
export const GET = withPermission("audit:read", ({ request }) => {
  const { limit } = reviewListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: listResolvedReviews(getDb(), limit).map(reviewItemJson) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
