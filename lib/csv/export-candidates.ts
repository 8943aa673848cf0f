import { asc, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots } from "@/db/schema";
import type { AttentionClock } from "@/lib/candidates/attention";
import { candidateFilter, type Filters } from "@/lib/candidates/query-candidates";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { zoneLabel } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { EXPORT_COLUMNS, formatCsvInstant, writeCsv } from "./csv-format";

/**
 * Every candidate that matches the board's filters (status, q, needs attention, interview days), as CSV: the import columns (so
 * the file imports back: a past interview says allow_past yes), then status, the latest call's outcome and
 * status, the original interview and the last call. Every time is ISO 8601 with its offset: interviews in the
 * candidate's zone (the time_zone column), other times and the allowed slots in INTERVIEW_TIMEZONE (`zone`).
 * It starts with a byte-order mark, so that spreadsheet programs read the file as UTF-8 (names in Devanagari).
 */
export function exportCandidatesCsv(db: Db, query: Filters, zone: string, clock: AttentionClock): string {
  const rows = db
    .select({ candidate: candidates, outcome: calls.outcome })
    .from(candidates)
    .leftJoin(calls, eq(calls.id, candidates.latestCallId))
    .where(candidateFilter(query, clock))
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
  const csv = writeCsv(
    rows.map(({ candidate, outcome }) => {
      const own = candidateZone(candidate, zone);
      return {
        name: candidate.name,
        phone: candidate.phone,
        email: candidate.email ?? "",
        position: candidate.position ?? "",
        interview_at: formatCsvInstant(candidate.interviewAt, own),
        rescheduling_slots: (slotsOf.get(candidate.id) ?? []).map((at) => formatCsvInstant(at, zone)).join(";"),
        applied_at: formatCsvInstant(candidate.appliedAt, zone),
        time_zone: own,
        allow_past: candidate.interviewAt.getTime() <= clock.now.getTime() ? "yes" : "",
        language: candidateLanguage(candidate),
        status: candidate.status,
        last_outcome: outcome ?? "",
        call_status: candidate.callStatus ?? "",
        original_interview_at: formatCsvInstant(candidate.originalInterviewAt, own),
        last_call_at: formatCsvInstant(candidate.lastCallAt, zone),
        do_not_call: candidate.doNotCall ? "yes" : "",
        do_not_call_reason: candidate.doNotCallReason ?? "",
      };
    }),
    EXPORT_COLUMNS,
  );
  return `\uFEFF${csv}`;
}

/**
 * The export's file name stamp, on the team's clock and naming it: `2026-12-08-0930-IST`, then the interview days
 * it holds (`interviews-2026-12-09`, `interviews-2026-12-07-to-2026-12-13`) when the board filtered by them.
 */
export function exportStamp(now: Date, zone: string, range: Pick<Filters, "interviewFrom" | "interviewTo">): string {
  const at = DateTime.fromJSDate(now, { zone });
  const label = zoneLabel(now, zone).replace(/[^A-Za-z0-9+-]/g, "");
  const { interviewFrom: from, interviewTo: to } = range;
  const days = from || to ? `-interviews-${from === to ? from : `${from ?? "start"}-to-${to ?? "end"}`}` : "";
  return `${at.toFormat("yyyy-LL-dd-HHmm")}-${label}${days}`;
}
