import { getDb } from "@/db/client";
import { attentionClock } from "@/lib/candidates/attention";
import { candidateJson } from "@/lib/candidates/candidate-json";
import { candidateListQuery, createCandidateInput } from "@/lib/candidates/candidate-input";
import { createCandidate } from "@/lib/candidates/create-candidate";
import { queryCandidates } from "@/lib/candidates/query-candidates";
import { env } from "@/lib/env";
import { readJson } from "@/lib/http/read-json";
import { queryParams } from "@/lib/http/query-params";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = withPermission("candidates:read", ({ request }) => {
  const query = candidateListQuery.parse(queryParams(request.url));
  const page = queryCandidates(getDb(), query, attentionClock());
  return Response.json({
    candidates: page.candidates.map(candidateJson),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  });
});

export const POST = withPermission("candidates:write", async ({ request, actor }) => {
  const input = await readJson(request, createCandidateInput);
  const config = env();
  const candidate = createCandidate(
    getDb(),
    input,
    { defaultCountry: config.DEFAULT_COUNTRY, timezone: config.INTERVIEW_TIMEZONE },
    actor,
  );
  return Response.json({ candidate: candidateJson(candidate) }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
