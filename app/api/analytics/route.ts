import { getDb } from "@/db/client";
import { analyticsCsv } from "@/lib/analytics/analytics-csv";
import { analyticsQuery } from "@/lib/analytics/analytics-query";
import { readAnalytics } from "@/lib/analytics/read-analytics";
import { env } from "@/lib/env";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * `GET /api/analytics?from=&to=&position=&bucket=day|week&format=json|csv` (issue #15): the funnel and the
 * figures around it for a period of UTC days, from the rollups. `format=csv` downloads the same figures.
 */
export const GET = withPermission("candidates:read", ({ request }) => {
  const query = analyticsQuery().parse(Object.fromEntries(new URL(request.url).searchParams));
  const report = readAnalytics(getDb(), query, env().INTERVIEW_TIMEZONE);
  if (query.format === "json") return Response.json(report);
  const name = `callboard-analytics-${query.from}-to-${query.to}.csv`;
  return new Response(analyticsCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
