import { attentionClock } from "@/lib/candidates/attention";
import { candidateListQuery } from "@/lib/candidates/candidate-input";
import { exportStamp } from "@/lib/csv/export-candidates";
import { exportStream } from "@/lib/csv/export-stream";
import { env } from "@/lib/env";
import { queryParams } from "@/lib/http/query-params";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * `GET /api/candidates/export?status=&q=&interviewFrom=&interviewTo=` → text/csv of every candidate matching the
 * board's filters, streamed page by page from a thread of its own (lib/csv/export-stream.ts): a million rows cost no
 * more memory than a hundred, and hold no one else's request. The file is named after the team's clock
 * (INTERVIEW_TIMEZONE) and the days it covers.
 */
export const GET = withPermission("candidates:read", ({ request }) => {
  const query = candidateListQuery.parse(queryParams(request.url));
  const clock = attentionClock();
  const csv = exportStream({ databasePath: env().DATABASE_PATH, query, zone: clock.zone, clock });
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
