import { attentionClock } from "@/lib/candidates/attention";
import { candidateListQuery } from "@/lib/candidates/candidate-input";
import { exportStamp } from "@/lib/csv/export-candidates";
import { exportStream } from "@/lib/csv/export-stream";
import { env } from "@/lib/env";
import { queryParams } from "@/lib/http/query-params";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** The query, the team's clock and the answer's headers: the file named after that clock and its days. */
function csvHeaders(request: Request) {
  const query = candidateListQuery.parse(queryParams(request.url));
  const clock = attentionClock();
  const headers = {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="callboard-candidates-${exportStamp(clock.now, clock.zone, query)}.csv"`,
    "cache-control": "no-store",
  };
  return { query, clock, headers };
}

/**
 * `GET /api/candidates/export?status=&q=&interviewFrom=&interviewTo=` → text/csv of every candidate matching the
 * board's filters, streamed page by page from a thread of its own (lib/csv/export-stream.ts): a million rows cost no
 * more memory than a hundred, and hold no one else's request. The file is named after the team's clock
 * (INTERVIEW_TIMEZONE) and the days it covers.
 */
export const GET = withPermission("candidates:read", ({ request }) => {
  const { query, clock, headers } = csvHeaders(request);
  const csv = exportStream({ databasePath: env().DATABASE_PATH, query, zone: clock.zone, clock });
  return new Response(csv, { headers });
});

/** The same headers, and no file made: a body nobody reads would hold one of the export's places. */
export const HEAD = withPermission(
  "candidates:read",
  ({ request }) => new Response(null, { headers: csvHeaders(request).headers }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
