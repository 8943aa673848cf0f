import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots } from "@/db/schema";
import type { CandidateListQuery } from "@/lib/candidates/candidate-input";
import { candidateFilter } from "@/lib/candidates/query-candidates";
import { EXPORT_COLUMNS, formatCsvInstant, writeCsv } from "./csv-format";

/**
 * Every candidate that matches the board's filters (status, q), as CSV: the import columns (so the file imports
 * back), then status, the latest call's outcome and status, the original interview and the last call. Times
 * are ISO 8601 in the interview zone; allowed slots are their start instants separated by semicolons.
 */
export function exportCandidatesCsv(db: Db, query: Pick<CandidateListQuery, "status" | "q">, zone: string): string {
  const rows = db
    .select({ candidate: candidates, outcome: calls.outcome })
    .from(candidates)
    .leftJoin(calls, eq(calls.id, candidates.latestCallId))
    .where(candidateFilter(query))
    .orderBy(asc(candidates.interviewAt), asc(candidates.id))
    .all();
  const slotsOf = new Map<number, Date[]>();
  const ids = rows.map((row) => row.candidate.id);
  for (let start = 0; start < ids.length; start += 500) {
    const allowed = db
      .select({ candidateId: candidateReschedulingSlots.candidateId, startsAt: interviewSlots.startsAt })
      .from(candidateReschedulingSlots)
      .innerJoin(interviewSlots, eq(interviewSlots.id, candidateReschedulingSlots.slotId))
      .where(inArray(candidateReschedulingSlots.candidateId, ids.slice(start, start + 500)))
      .orderBy(asc(interviewSlots.startsAt))
      .all();
    for (const slot of allowed) slotsOf.set(slot.candidateId, [...(slotsOf.get(slot.candidateId) ?? []), slot.startsAt]);
  }
  // writeCsv escapes every cell against spreadsheet formulas.
  return writeCsv(
    rows.map(({ candidate, outcome }) => ({
      name: candidate.name,
      phone: candidate.phone,
      email: candidate.email ?? "",
      position: candidate.position ?? "",
      interview_at: formatCsvInstant(candidate.interviewAt, zone),
      rescheduling_slots: (slotsOf.get(candidate.id) ?? []).map((at) => formatCsvInstant(at, zone)).join(";"),
      applied_at: formatCsvInstant(candidate.appliedAt, zone),
      status: candidate.status,
      last_outcome: outcome ?? "",
      call_status: candidate.callStatus ?? "",
      original_interview_at: formatCsvInstant(candidate.originalInterviewAt, zone),
      last_call_at: formatCsvInstant(candidate.lastCallAt, zone),
    })),
    EXPORT_COLUMNS,
  );
}
