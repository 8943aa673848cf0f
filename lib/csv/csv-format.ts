import { DateTime } from "luxon";
import Papa from "papaparse";
import { readLocalTime, readOffsetTime, type ZonedRead } from "@/lib/time/zoned-input";

/**
 * The candidate CSV (README, "CSV import and export"). Import reads these columns by header name, in any order;
 * other columns (export's status, last_outcome, …) are ignored, so an export imports back.
 */
export const IMPORT_COLUMNS = [
  "name",
  "phone",
  "email",
  "position",
  "interview_at",
  "rescheduling_slots",
  "applied_at",
  "time_zone",
  "allow_past",
  "language",
] as const;
const REQUIRED_COLUMNS = ["name", "phone", "interview_at"] as const;
export const EXPORT_COLUMNS = [
  ...IMPORT_COLUMNS,
  "status",
  "last_outcome",
  "call_status",
  "original_interview_at",
  "last_call_at",
  "do_not_call",
  "do_not_call_reason",
] as const;

export type CsvTable = { header: string[]; records: { row: number; cells: Record<string, string> }[] };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant from a cell: ISO 8601 with an offset (`2025-12-12T11:00:00+05:30`, `…Z`), or `YYYY-MM-DD HH:mm` read
 * in `zone` (refused, naming both readings, when that zone skips or repeats the time); with `dateOnly`, also
 * `YYYY-MM-DD` (midnight in `zone`). Null for anything else.
 */
export function readCsvInstant(value: string, zone: string, dateOnly = false): ZonedRead | null {
  const text = value.trim();
  if (dateOnly && DATE_ONLY.test(text)) {
    const day = DateTime.fromISO(text, { zone });
    return day.isValid ? { ok: true, at: day.toJSDate() } : null;
  }
  return readOffsetTime(text, zone) ?? readLocalTime(text, zone);
}

/** ISO 8601 in the interview zone, with its offset (`2025-12-12T11:00:00+05:30`; `Z` in UTC). */
export function formatCsvInstant(value: Date | null, zone: string): string {
  return value ? (DateTime.fromJSDate(value, { zone }).toISO({ suppressMilliseconds: true }) ?? "") : "";
}

// What spreadsheet apps run as a formula: a cell starting with = + - @ (or their full-width forms, which some
// locales accept), also after leading spaces, or with a tab or line break. A plain number (`+919800000001`, `-5`)
// is read as that number, never run: it stays as it is, so E.164 phones export unchanged.
const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** A cell is escaped when, past any apostrophes it already starts with, it would run as a formula. */
const needsEscape = (value: string) => {
  const bare = value.replace(/^'+/, "");
  return FORMULA.test(bare) && !PLAIN_NUMBER.test(bare);
};

/**
 * Spreadsheet apps run a cell that starts with = + - @ as a formula: such text is written with a leading '.
 * Counting the apostrophes it already has makes `unescapeFormula` its exact inverse, whatever the text.
 */
export function escapeFormula(value: string): string {
  return needsEscape(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return value.startsWith("'") && needsEscape(value.slice(1)) ? value.slice(1) : value;
}

export class CsvFormatError extends Error {}

/**
 * Parses CSV text into records keyed by lower-cased header. `row` is the record's number counting the header
 * as row 1, as a spreadsheet shows it (the line number, unless a quoted cell spans lines). Blank lines are
 * skipped but counted.
 */
export function readCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const fatal = result.errors.find((error) => error.type === "Quotes");
  if (fatal) throw new CsvFormatError(`Row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  const rows = result.data;
  const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");
  const headerIndex = rows.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw new CsvFormatError("The file is empty.");
  const header = rows[headerIndex]!.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new CsvFormatError(
      `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. The header row must name ${IMPORT_COLUMNS.join(", ")}.`,
    );
  }
  const records: CsvTable["records"] = [];
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index]!;
    if (isBlank(cells)) continue;
    const record: Record<string, string> = {};
    header.forEach((column, at) => {
      if (column && !(column in record)) record[column] = unescapeFormula((cells[at] ?? "").trim());
    });
    records.push({ row: index + 1, cells: record });
  }
  return { header, records };
}

/**
 * Every cell goes through the formula escape here, so no column of any export can carry a formula. `header:
 * false` writes the rows only, for the chunks after the first of a streamed file.
 */
export function writeCsv(rows: Record<string, string>[], columns: readonly string[], { header = true } = {}): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => escapeFormula(row[column] ?? ""))) },
    { newline: "\r\n", header },
  );
}
