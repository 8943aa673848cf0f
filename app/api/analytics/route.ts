import { getDb } from "@/db/client";
import { analyticsCsvStream } from "@/lib/analytics/analytics-csv";
import { analyticsQuery } from "@/lib/analytics/analytics-query";
import { readAnalytics } from "@/lib/analytics/read-analytics";
import { env } from "@/lib/env";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/**
 * `GET /api/analytics?from=&to=&position=&bucket=day|week&format=json|csv`: the funnel and the figures around it
 * for a period of the team's days (INTERVIEW_TIMEZONE), from the rollups. `format=csv` streams the same figures.
 */
export const GET = withPermission("candidates:read", async ({ request }) => {
  const zone = env().INTERVIEW_TIMEZONE;
  const query = analyticsQuery(zone).parse(Object.fromEntries(new URL(request.url).searchParams));
  const report = await readAnalytics(getDb(), query, zone);
  if (query.format === "json") return Response.json(report);
  const name = `callboard-analytics-${query.from}-to-${query.to}.csv`;
  return new Response(analyticsCsvStream(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
