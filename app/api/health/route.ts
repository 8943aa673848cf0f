import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";

export function GET(): Response {
  try {
    getDb().get(sql`select 1`);
    return Response.json({ ok: true });
  } catch (error) {
    logError("health check: database unavailable", error);
    return apiError(503, "storage_unavailable", "The database does not answer.");
  }
}
