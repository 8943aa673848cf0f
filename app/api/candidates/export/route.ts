import { getDb } from "@/db/client";
import { attentionClock } from "@/lib/candidates/attention";
import { candidateListQuery } from "@/lib/candidates/candidate-input";
import { exportCandidatesStream, exportStamp } from "@/lib/csv/export-candidates";
import { queryParams } from "@/lib/http/query-params";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * `GET /api/candidates/export?status=&q=&interviewFrom=&interviewTo=` → text/csv of every candidate matching the
 * board's filters, streamed page by page (lib/csv/export-candidates.ts): a million rows cost no more memory than a
 * hundred. The file is named after the team's clock (INTERVIEW_TIMEZONE) and the days it covers.
 */
export const GET = withPermission("candidates:read", ({ request }) => {
  const query = candidateListQuery.parse(queryParams(request.url));
  const clock = attentionClock();
  const csv = exportCandidatesStream(getDb(), query, clock.zone, clock);
  const stamp = exportStamp(clock.now, clock.zone, query);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="callboard-candidates-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
