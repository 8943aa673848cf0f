import { getDb } from "@/db/client";
import { CsvFormatError } from "@/lib/csv/csv-format";
import { importCandidatesCsv, ImportTooLargeError } from "@/lib/csv/import-candidates";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { readBodyCapped } from "@/lib/http/read-body";
import { withPermission } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/other-methods";

const MAX_CSV_BYTES = 2 * 1024 * 1024;
const CSV_TYPES = new Set(["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"]);

/**
 * `POST /api/candidates/import[?dryRun=1]` with a text/csv body → 200 with the per-row report. Without dryRun
 * the good rows are imported together in one transaction (bad rows are reported, never written).
 */
export const POST = withPermission("candidates:write", async ({ request, actor }) => {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!CSV_TYPES.has(type)) throw new ApiError("unsupported_media_type", "Send the file as text/csv.");
  const body = await readBodyCapped(request, MAX_CSV_BYTES);
  if (!body.ok) {
    throw body.reason === "too_large"
      ? new ApiError("payload_too_large", "The file is larger than 2 MiB.")
      : new ApiError("invalid_encoding", "The file is not valid UTF-8 text.");
  }
  const dryRunParam = new URL(request.url).searchParams.get("dryRun");
  const dryRun = dryRunParam !== null && dryRunParam !== "0" && dryRunParam !== "false";
  const config = env();
  try {
    const report = importCandidatesCsv(getDb(), body.text, {
      dryRun,
      actor,
      timezone: config.INTERVIEW_TIMEZONE,
      defaultCountry: config.DEFAULT_COUNTRY,
    });
    return Response.json(report);
  } catch (error) {
    if (error instanceof CsvFormatError || error instanceof ImportTooLargeError) throw new ApiError("invalid_csv", error.message);
    throw error;
  }
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
