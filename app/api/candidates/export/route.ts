import { DateTime } from "luxon";
import { getDb } from "@/db/client";
import { attentionClock } from "@/lib/candidates/attention";
import { candidateListQuery } from "@/lib/candidates/candidate-input";
import { exportCandidatesStream } from "@/lib/csv/export-candidates";
import { env } from "@/lib/env";
import { queryParams } from "@/lib/http/query-params";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * `GET /api/candidates/export?status=&q=&…` → text/csv of every candidate matching the board's filters, streamed
 * page by page (lib/csv/export-candidates.ts): a million rows cost no more memory than a hundred.
 */
export const GET = withPermission("candidates:read", ({ request }) => {
  const query = candidateListQuery.parse(queryParams(request.url));
  const zone = env().INTERVIEW_TIMEZONE;
  const csv = exportCandidatesStream(getDb(), query, zone, attentionClock());
  const stamp = DateTime.now().setZone(zone).toFormat("yyyyLLdd-HHmm");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="callboard-candidates-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
