import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { candidates, interviewSlots } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordStatusChange } from "@/lib/audit/record-status-change";
import { replaceReschedulingSlots } from "@/lib/candidates/create-candidate";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { LANGUAGES, type Language } from "@/db/values";
import { isLanguage } from "@/lib/agent/agent-values";
import { env } from "@/lib/env";
import { isTimeZone } from "@/lib/time/time-zones";
import { candidateZone, zoneToStore } from "@/lib/time/zone-for-phone";
import { readCsv, readCsvInstant, type CsvTable } from "./csv-format";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

const MAX_IMPORT_ROWS = 5000;

type RowError = { row: number; field: string; reason: string };
type ImportRow = {
  row: number;
  name: string;
  phone: string;
  interviewAt: string | null;
  /** The zone the row's interview is read and shown in (its time_zone, else the phone's, else INTERVIEW_TIMEZONE). */
  timeZone: string;
  ok: boolean;
  errors: { field: string; reason: string }[];
};
export type ImportReport = {
  dryRun: boolean;
  total: number;
  valid: number;
  invalid: number;
  imported: number;
  rows: ImportRow[];
  errors: RowError[];
};

type Good = {
  row: number;
  name: string;
  phone: string;
  email: string | null;
  position: string | null;
  /** The zone stored with the candidate: given, or the phone's when it has one clock; null: assumed. */
  timeZone: string | null;
  language: Language;
  interviewAt: Date;
  appliedAt: Date | null;
  slotIds: number[];
};

const email = z.email();
const SLOT_ID = /^#?(\d+)$/;
const YES = /^(yes|y|true|1)$/i;
const NO = /^(no|n|false|0)?$/i;

type Config = { timezone: string; defaultCountry: string; now?: Date };

type Pool = {
  byId: Map<number, { startsAt: Date; capacity: number }>;
  byTime: Map<number, { id: number; capacity: number; booked: number }>;
};

function loadPool(tx: Pick<Db, "select">): Pool {
  const booked = sql<number>`(select count(*) from ${candidates} where ${candidates.interviewAt} = ${interviewSlots.startsAt} and ${candidates.status} != 'declined')`;
  const slots = tx
    .select({ id: interviewSlots.id, startsAt: interviewSlots.startsAt, capacity: interviewSlots.capacity, booked })
    .from(interviewSlots)
    .all();
  return {
    byId: new Map(slots.map((slot) => [slot.id, slot])),
    byTime: new Map(slots.map((slot) => [slot.startsAt.getTime(), { ...slot }])),
  };
}

/**
 * Checks every row against the file and the database: required fields, phone (E.164 after normalising), a phone
 * used twice in the file or already in the database, dates (an interview in the past only with allow_past), time
 * zones, slot references that are not in the pool, and interview slots that the file would overbook. Runs inside the import's transaction, so what it accepts is
 * exactly what gets written.
 */
function validate(tx: Pick<Db, "select">, table: CsvTable, config: Config): { rows: ImportRow[]; good: Good[] } {
  const pool = loadPool(tx);
  const now = config.now ?? new Date();
  const normalized = table.records.map(({ cells }) => normalizePhone(cells.phone ?? "", config.defaultCountry));
  const phones = [...new Set(normalized.filter((phone): phone is string => phone !== null))];
  const taken = new Set<string>();
  for (let start = 0; start < phones.length; start += 500) {
    const chunk = phones.slice(start, start + 500);
    for (const row of tx.select({ phone: candidates.phone }).from(candidates).where(inArray(candidates.phone, chunk)).all())
      taken.add(row.phone);
  }
  const firstRowOfPhone = new Map<string, number>();
  const rows: ImportRow[] = [];
  const good: Good[] = [];

  table.records.forEach(({ row, cells }, index) => {
    const errors: ImportRow["errors"] = [];
    const fail = (field: string, reason: string) => errors.push({ field, reason });
    const name = cells.name ?? "";
    if (!name) fail("name", "is required");
    else if (name.length > 200) fail("name", "is longer than 200 characters");

    const phone = normalized[index] ?? null;
    if (!cells.phone) fail("phone", "is required");
    else if (!phone) fail("phone", `"${cells.phone}" is not a valid phone number`);
    else if (firstRowOfPhone.has(phone)) fail("phone", `duplicate of row ${firstRowOfPhone.get(phone)} in this file (${phone})`);
    else {
      firstRowOfPhone.set(phone, row);
      if (taken.has(phone)) fail("phone", `a candidate with ${phone} already exists`);
    }

    const mail = cells.email ?? "";
    if (mail && !email.safeParse(mail).success) fail("email", `"${mail}" is not an email address`);
    const position = cells.position ?? "";
    if (position.length > 200) fail("position", "is longer than 200 characters");

    const givenZone = cells.time_zone ?? "";
    if (givenZone && !isTimeZone(givenZone))
      fail("time_zone", `"${givenZone}" is not a time zone: use an IANA name such as Asia/Kolkata`);
    // A local time ("2026-12-17 15:00") is the candidate's wall clock, read in their zone.
    const stored = zoneToStore(givenZone && isTimeZone(givenZone) ? givenZone : null, phone ?? "");
    const timeZone = candidateZone({ timeZone: stored, phone: phone ?? "" }, config.timezone);
    const read = cells.interview_at ? readCsvInstant(cells.interview_at, timeZone) : null;
    const interviewAt = read?.ok ? read.at : null;
    if (!cells.interview_at) fail("interview_at", "is required");
    else if (!read)
      fail("interview_at", `"${cells.interview_at}" is not a date: use ISO 8601 with an offset or YYYY-MM-DD HH:mm`);
    else if (!read.ok) fail("interview_at", read.message);
    const allowPast = cells.allow_past ?? "";
    if (!YES.test(allowPast) && !NO.test(allowPast)) fail("allow_past", `"${allowPast}" is not yes or no`);
    else if (interviewAt && interviewAt.getTime() <= now.getTime() && !YES.test(allowPast))
      fail("interview_at", "is in the past: to import a past interview on purpose, put yes in the allow_past column");

    const givenLanguage = (cells.language ?? "").toLowerCase();
    if (givenLanguage && !isLanguage(givenLanguage))
      fail("language", `"${cells.language}" is not a language Callboard speaks: use ${LANGUAGES.join(" or ")}`);
    const language = isLanguage(givenLanguage) ? givenLanguage : env().DEFAULT_LANGUAGE;

    const applied = cells.applied_at ? readCsvInstant(cells.applied_at, config.timezone, true) : null;
    const appliedAt = applied?.ok ? applied.at : null;
    if (cells.applied_at && !applied) fail("applied_at", `"${cells.applied_at}" is not a date`);
    else if (applied && !applied.ok) fail("applied_at", applied.message);

    const slotIds: number[] = [];
    for (const reference of (cells.rescheduling_slots ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)) {
      const byId = SLOT_ID.exec(reference);
      const at = byId ? null : readCsvInstant(reference, config.timezone);
      const id = byId ? Number(byId[1]) : at?.ok ? pool.byTime.get(at.at.getTime())?.id : undefined;
      if (id !== undefined && pool.byId.has(id)) slotIds.push(id);
      else fail("rescheduling_slots", `"${reference}" is not an interview slot in the pool`);
    }

    if (errors.length === 0 && interviewAt) {
      const slot = pool.byTime.get(interviewAt.getTime());
      if (slot && slot.booked >= slot.capacity) fail("interview_at", "that interview slot is already fully booked");
      else if (slot) slot.booked++;
    }

    rows.push({
      row,
      name,
      phone: phone ?? cells.phone ?? "",
      interviewAt: interviewAt?.toISOString() ?? null,
      timeZone,
      ok: errors.length === 0,
      errors,
    });
    if (errors.length === 0 && phone && interviewAt) {
      good.push({
        row,
        name,
        phone,
        email: mail || null,
        position: position || null,
        timeZone: stored,
        language,
        interviewAt,
        appliedAt,
        slotIds: [...new Set(slotIds)],
      });
    }
  });
  return { rows, good };
}

function insertGood(tx: Tx, good: Good[], actor: Actor): void {
  const now = new Date();
  for (const row of good) {
    const created = tx
      .insert(candidates)
      .values({
        name: row.name,
        phone: row.phone,
        email: row.email,
        position: row.position,
        timeZone: row.timeZone,
        language: row.language,
        appliedAt: row.appliedAt ?? now,
        interviewAt: row.interviewAt,
        statusChangedAt: now,
        updatedAt: now,
      })
      .returning({ id: candidates.id })
      .get();
    replaceReschedulingSlots(tx, created.id, row.slotIds);
    recordStatusChange(tx, {
      candidateId: created.id,
      candidateName: row.name,
      fromStatus: null,
      toStatus: "pending",
      source: "manual",
      actor: actor.label,
      reason: `Imported from CSV (row ${row.row})`,
      at: now,
    });
  }
}

export class ImportTooLargeError extends Error {}

/**
 * Validates a candidate CSV and, unless `dryRun`, imports its good rows: all of them in one IMMEDIATE
 * transaction (validation included), or none. Throws CsvFormatError for a file that is not a usable CSV.
 */
export function importCandidatesCsv(db: Db, text: string, options: Config & { dryRun: boolean; actor: Actor }): ImportReport {
  const table = readCsv(text);
  if (table.records.length > MAX_IMPORT_ROWS)
    throw new ImportTooLargeError(`A file holds at most ${MAX_IMPORT_ROWS} candidates.`);
  return db.transaction(
    (tx) => {
      const { rows, good } = validate(tx, table, options);
      if (!options.dryRun) insertGood(tx, good, options.actor);
      return {
        dryRun: options.dryRun,
        total: rows.length,
        valid: good.length,
        invalid: rows.length - good.length,
        imported: options.dryRun ? 0 : good.length,
        rows,
        errors: rows.flatMap((row) => row.errors.map((error) => ({ row: row.row, ...error }))),
      };
    },
    { behavior: options.dryRun ? "deferred" : "immediate" },
  );
}
