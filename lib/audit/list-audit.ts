import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { statusChanges } from "@/db/schema";

export const auditQuery = z.object({
  candidateId: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).catch(50),
});

/** The audit trail, newest first. */
export function listAudit(db: Db, query: z.infer<typeof auditQuery>) {
  const where = query.candidateId ? eq(statusChanges.candidateId, query.candidateId) : undefined;
  const entries = db
    .select()
    .from(statusChanges)
    .where(where)
    .orderBy(desc(statusChanges.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const total = db.select({ n: count() }).from(statusChanges).where(where).get()?.n ?? 0;
  return { entries, total };
}
