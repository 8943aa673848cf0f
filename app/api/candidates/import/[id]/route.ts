import { getDb } from "@/db/client";
import { findImport, importJson } from "@/lib/csv/import-jobs";
import { notFound } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { idParam, withPermission } from "@/lib/http/route";

/** `GET /api/candidates/import/{id}` → 200 `{"import": {state, progress, rowsRead, valid, invalid, imported, report, …}}`. */
export const GET = withPermission<{ id: string }>("candidates:write", ({ params }) => {
  const id = idParam(params.id, "Import");
  const job = findImport(getDb(), id);
  if (!job) throw notFound(`Import ${id}`);
  return Response.json({ import: importJson(job) }, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
