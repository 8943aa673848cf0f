import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { calls, candidateReschedulingSlots, candidates, interviewSlots, type Candidate } from "@/db/schema";
import type { AttentionClock } from "@/lib/candidates/attention";
import { candidateFilter, type Filters } from "@/lib/candidates/query-candidates";
import { candidateLanguage } from "@/lib/i18n/candidate-language";
import { zoneLabel } from "@/lib/time/format";
import { candidateZone } from "@/lib/time/zone-for-phone";
import { EXPORT_COLUMNS, formatCsvInstant, writeCsv } from "./csv-format";

/** Candidates per page: one message from the export thread to the server, of about 100 KB. */
export const EXPORT_PAGE_SIZE = 500;

// Only the columns the file has: mapping whole rows cost more than everything else a page does.
const COLUMNS = {
  id: candidates.id,
  name: candidates.name,
  phone: candidates.phone,
  email: candidates.email,
  position: candidates.position,
  timeZone: candidates.timeZone,
  language: candidates.language,
  interviewAt: candidates.interviewAt,
  appliedAt: candidates.appliedAt,
  originalInterviewAt: candidates.originalInterviewAt,
  lastCallAt: candidates.lastCallAt,
  status: candidates.status,
  callStatus: candidates.callStatus,
  doNotCall: candidates.doNotCall,
  doNotCallReason: candidates.doNotCallReason,
} as const;
type Exported = Pick<Candidate, keyof typeof COLUMNS>;
type Row = { candidate: Exported; outcome: string | null };
type After = { interviewAt: number; id: number };

/** One keyset page in the export's order (interview, then id), after the last row of the page before. */
function page(db: Db, where: SQL | undefined, after: After | null): Row[] {
  const past = after ? sql`(${candidates.interviewAt}, ${candidates.id}) > (${after.interviewAt}, ${after.id})` : undefined;
  return db
    .select({ candidate: COLUMNS, outcome: calls.outcome })
    .from(candidates)
    .leftJoin(calls, eq(calls.id, candidates.latestCallId))
    .where(and(where, past))
    .orderBy(asc(candidates.interviewAt), asc(candidates.id))
    .limit(EXPORT_PAGE_SIZE)
    .all();
}

function allowedSlots(db: Db, ids: number[]): Map<number, Date[]> {
  const slotsOf = new Map<number, Date[]>();
  const allowed = db
    .select({ candidateId: candidateReschedulingSlots.candidateId, startsAt: interviewSlots.startsAt })
    .from(candidateReschedulingSlots)
    .innerJoin(interviewSlots, eq(interviewSlots.id, candidateReschedulingSlots.slotId))
    .where(inArray(candidateReschedulingSlots.candidateId, ids))
    .orderBy(asc(interviewSlots.startsAt))
    .all();
  for (const slot of allowed) slotsOf.set(slot.candidateId, [...(slotsOf.get(slot.candidateId) ?? []), slot.startsAt]);
  return slotsOf;
}

function csvRows(db: Db, rows: Row[], zone: string, now: Date): string {
  const slotsOf = allowedSlots(
    db,
    rows.map((row) => row.candidate.id),
  );
  // writeCsv escapes every cell against spreadsheet formulas.
  return writeCsv(
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
        allow_past: candidate.interviewAt.getTime() <= now.getTime() ? "yes" : "",
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
    { header: false },
  );
}

/**
 * Every candidate that matches the board's filters (the board's own filter builder: status, q, needs attention,
 * interview days, …), as CSV: the import columns (so the file imports back: a past interview says allow_past yes), then status,
 * the latest call's outcome and status, the original interview, the last call and do-not-call (with its reason).
 * Every time is ISO 8601 with its offset: interviews in the candidate's zone (the time_zone column), other times
 * and the allowed slots in INTERVIEW_TIMEZONE (`zone`). It starts with a byte-order mark, so that spreadsheet
 * programs read the file as UTF-8 (names in Devanagari).
 *
 * The header, then one piece per keyset page of EXPORT_PAGE_SIZE, each read only when the one before has been
 * taken: memory stays the same for a million rows, and no read transaction stays open between pages (the WAL can
 * be checkpointed meanwhile). The server runs it on a thread of its own (lib/csv/export-stream.ts).
 */
export function* exportPieces(db: Db, query: Filters, zone: string, clock: AttentionClock): Generator<string, void> {
  const where = candidateFilter(query, clock);
  yield `\uFEFF${EXPORT_COLUMNS.join(",")}`;
  let after: After | null = null;
  for (;;) {
    const rows = page(db, where, after);
    if (rows.length === 0) return;
    const last = rows.at(-1)!.candidate;
    after = { interviewAt: last.interviewAt.getTime(), id: last.id };
    yield `\r\n${csvRows(db, rows, zone, clock.now)}`;
  }
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
