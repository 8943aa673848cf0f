import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db/client";
import { candidates } from "@/db/schema";

export type BoardRow = Pick<
  typeof candidates.$inferSelect,
  | "id"
  | "name"
  | "phone"
  | "position"
  | "status"
  | "statusReason"
  | "interviewAt"
  | "originalInterviewAt"
  | "callStatus"
  | "lastCallAt"
>;

/** The board's rows: only the columns the page shows. */
export function listCandidatesForBoard(limit = 200): BoardRow[] {
  return getDb()
    .select({
      id: candidates.id,
      name: candidates.name,
      phone: candidates.phone,
      position: candidates.position,
      status: candidates.status,
      statusReason: candidates.statusReason,
      interviewAt: candidates.interviewAt,
      originalInterviewAt: candidates.originalInterviewAt,
      callStatus: candidates.callStatus,
      lastCallAt: candidates.lastCallAt,
    })
    .from(candidates)
    .orderBy(asc(candidates.interviewAt), asc(candidates.id))
    .limit(limit)
    .all();
}
