import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { findImport, importJson, startImport } from "@/lib/csv/import-jobs";
import { ApiError } from "@/lib/http/api-error";
import { readBytesCapped } from "@/lib/http/read-body";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

/** About 500,000 rows of the export's columns. */
const MAX_CSV_BYTES = 64 * 1024 * 1024;
const CSV_TYPES = new Set(["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"]);

const flag = (value: string | null) => value !== null && value !== "0" && value !== "false";

/**
 * `POST /api/candidates/import[?dryRun=1][&async=1]` with a text/csv body. The file is read, checked and written
 * by a worker thread (lib/csv/import-jobs.ts), never on the event loop. Without `async` the answer waits for it:
 * 200 with the report (the first rows and problems, and the counts). With `async=1` (or `Prefer: respond-async`)
 * 202 `{"import": {...}}` at once, with its progress at `GET /api/candidates/import/{id}` (Location).
 */
export const POST = withPermission("candidates:write", async ({ request, actor }) => {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!CSV_TYPES.has(type)) throw new ApiError("unsupported_media_type", "Send the file as text/csv.");
  const body = await readBytesCapped(request, MAX_CSV_BYTES);
  if (!body.ok) throw new ApiError("payload_too_large", "The file is larger than 64 MiB.");
  const params = new URL(request.url).searchParams;
  const config = env();
  const db = getDb();
  const job = startImport(db, body.bytes, {
    dryRun: flag(params.get("dryRun")),
    actor,
    timezone: config.INTERVIEW_TIMEZONE,
    defaultCountry: config.DEFAULT_COUNTRY,
    defaultLanguage: config.DEFAULT_LANGUAGE,
  });
  if (flag(params.get("async")) || /respond-async/i.test(request.headers.get("prefer") ?? "")) {
    const location = `/api/candidates/import/${job.id}`;
    return Response.json({ import: importJson(findImport(db, job.id)!) }, { status: 202, headers: { Location: location } });
  }
  await job.finished;
  const done = importJson(findImport(db, job.id)!);
  if (done.error?.code === "invalid_csv" || done.error?.code === "invalid_encoding")
    throw new ApiError(done.error.code, done.error.message);
  if (!done.report) throw new Error(`CSV import ${job.id} failed: ${done.error?.message ?? "no report"}`);
  return Response.json(done.report);
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
