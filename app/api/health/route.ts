import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiError } from "@/lib/http/api-error";
import { logError } from "@/lib/log";
import { otherMethods } from "@/lib/http/other-methods";

export function GET(): Response {
  try {
    // `select 1` alone never opens a read transaction; reading the schema table does, so a database file that
    // cannot be read (locked, missing, unreadable) answers 503 here as well.
    getDb().get(sql`select count(*) from sqlite_schema`);
    return Response.json({ ok: true });
  } catch (error) {
    logError("health check: database unavailable", error);
    return apiError("storage_unavailable", "The database does not answer.");
  }
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
