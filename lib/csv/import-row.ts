import { z } from "zod";
import { LANGUAGES, type Language } from "@/db/values";
import { isLanguage } from "@/lib/agent/agent-values";
import { normalizePhone } from "@/lib/phone/normalize-phone";
import { isTimeZone } from "@/lib/time/time-zones";
import { candidateZone, zoneToStore } from "@/lib/time/zone-for-phone";
import { readCsvInstant, type CsvRecord } from "./csv-format";

/** `defaultLanguage` (DEFAULT_LANGUAGE) is stored for a row whose language cell is empty. */
export type RowConfig = { timezone: string; defaultCountry: string; defaultLanguage: Language; now?: Date };

/** One record, read and checked on its own (lib/csv/import-candidates.ts adds what needs the file or the database). */
export type Checked = {
  row: number;
  name: string;
  /** E.164, or null when the cell is not a phone number; `givenPhone` is the cell as written. */
  phone: string | null;
  givenPhone: string;
  email: string | null;
  position: string | null;
  /** The zone the row's times are read and shown in (its own, else the phone's, else INTERVIEW_TIMEZONE). */
  timeZone: string;
  /** The zone stored with the candidate: given, or the phone's when it has one clock; null: assumed. */
  storedZone: string | null;
  language: Language;
  interviewAt: Date | null;
  appliedAt: Date | null;
  slotIds: number[];
  errors: { field: string; reason: string }[];
};

const email = z.email();
const SLOT_ID = /^#?(\d+)$/;
const YES = /^(yes|y|true|1)$/i;
const NO = /^(no|n|false|0)?$/i;

/**
 * Required fields, the phone, e-mail, lengths, the time zone, the language, the dates (an interview in the past only with
 * allow_past) and slot references (by id or start time) against the pool, for one CSV record.
 */
export function checkRow(
  { row, cells }: CsvRecord,
  slotsById: Map<number, unknown>,
  slotsByTime: Map<number, { id: number }>,
  config: RowConfig,
): Checked {
  const errors: Checked["errors"] = [];
  const fail = (field: string, reason: string) => errors.push({ field, reason });
  const name = cells.name ?? "";
  if (!name) fail("name", "is required");
  else if (name.length > 200) fail("name", "is longer than 200 characters");

  const givenPhone = cells.phone ?? "";
  const phone = givenPhone ? normalizePhone(givenPhone, config.defaultCountry) : null;
  if (!givenPhone) fail("phone", "is required");
  else if (!phone) fail("phone", `"${givenPhone}" is not a valid phone number`);

  const mail = cells.email ?? "";
  if (mail && !email.safeParse(mail).success) fail("email", `"${mail}" is not an email address`);
  const position = cells.position ?? "";
  if (position.length > 200) fail("position", "is longer than 200 characters");

  const givenZone = cells.time_zone ?? "";
  if (givenZone && !isTimeZone(givenZone))
    fail("time_zone", `"${givenZone}" is not a time zone: use an IANA name such as Asia/Kolkata`);
  // A local time ("2026-12-17 15:00") is the candidate's wall clock, read in their zone.
  const storedZone = zoneToStore(givenZone && isTimeZone(givenZone) ? givenZone : null, phone ?? "");
  const timeZone = candidateZone({ timeZone: storedZone, phone: phone ?? "" }, config.timezone);
  const read = cells.interview_at ? readCsvInstant(cells.interview_at, timeZone) : null;
  const interviewAt = read?.ok ? read.at : null;
  if (!cells.interview_at) fail("interview_at", "is required");
  else if (!read) fail("interview_at", `"${cells.interview_at}" is not a date: use ISO 8601 with an offset or YYYY-MM-DD HH:mm`);
  // A local time the zone skips or repeats is refused, naming both readings.
  else if (!read.ok) fail("interview_at", read.message);
  const allowPast = cells.allow_past ?? "";
  const now = config.now ?? new Date();
  if (!YES.test(allowPast) && !NO.test(allowPast)) fail("allow_past", `"${allowPast}" is not yes or no`);
  else if (interviewAt && interviewAt.getTime() <= now.getTime() && !YES.test(allowPast))
    fail("interview_at", "is in the past: to import a past interview on purpose, put yes in the allow_past column");

  const givenLanguage = (cells.language ?? "").toLowerCase();
  if (givenLanguage && !isLanguage(givenLanguage))
    fail("language", `"${cells.language}" is not a language Callboard speaks: use ${LANGUAGES.join(" or ")}`);
  const language = isLanguage(givenLanguage) ? givenLanguage : config.defaultLanguage;

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
    const id = byId ? Number(byId[1]) : at?.ok ? slotsByTime.get(at.at.getTime())?.id : undefined;
    if (id !== undefined && slotsById.has(id)) slotIds.push(id);
    else fail("rescheduling_slots", `"${reference}" is not an interview slot in the pool`);
  }

  return {
    row,
    name,
    phone,
    givenPhone,
    email: mail || null,
    position: position || null,
    timeZone,
    storedZone,
    language,
    interviewAt,
    appliedAt,
    slotIds: [...new Set(slotIds)],
    errors,
  };
}
