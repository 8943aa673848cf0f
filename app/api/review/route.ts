import { getDb } from "@/db/client";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";
import { listOpenReviews } from "@/lib/review/list-reviews";
import { reviewListQuery } from "@/lib/review/review-input";
import { reviewItemJson } from "@/lib/review/review-json";

/** `GET /api/review?limit=` → the review queue, oldest first. */
export const GET = withPermission("candidates:read", ({ request }) => {
  const { limit } = reviewListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: listOpenReviews(getDb(), limit).map(reviewItemJson) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
