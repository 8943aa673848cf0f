import { getDb } from "@/db/client";
import { auditQuery, listAudit } from "@/lib/audit/list-audit";
import { statusChangeJson } from "@/lib/candidates/candidate-json";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

export const GET = withPermission("audit:read", ({ request }) => {
  const query = auditQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { entries, total } = listAudit(getDb(), query);
  return Response.json({ entries: entries.map(statusChangeJson), total, page: query.page, pageSize: query.pageSize });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
