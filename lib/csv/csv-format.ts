import { DateTime } from "luxon";
import Papa from "papaparse";
import { offsetMinutes } from "@/lib/time/format";
import { readLocalTime, readOffsetTime, type ZonedRead } from "@/lib/time/zoned-input";

/**
 * The candidate CSV (docs/api.md, "CSV import and export"). Import reads these columns by header name, in any order;
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

export type CsvRecord = { row: number; cells: Record<string, string> };

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

const two = (n: number) => String(n).padStart(2, "0");

/**
 * ISO 8601 in the interview zone, with its offset (`2025-12-12T11:00:00+05:30`; `Z` in UTC; milliseconds only when
 * not zero). An export writes millions of these: the zone's offset comes from the app's formatter
 * (lib/time/format.ts), which asks Intl twice an hour of UTC; the rest is arithmetic (luxon took ten times as long).
 */
export function formatCsvInstant(value: Date | null, zone: string): string {
  if (!value) return "";
  const offset = offsetMinutes(value, zone);
  const wall = new Date(value.getTime() + offset * 60_000);
  const millis = wall.getUTCMilliseconds();
  const fraction = millis === 0 ? "" : `.${String(millis).padStart(3, "0")}`;
  const sign = offset < 0 ? "-" : "+";
  const suffix =
    zone.toUpperCase() === "UTC" ? "Z" : `${sign}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  return `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}T${two(wall.getUTCHours())}:${two(
    wall.getUTCMinutes(),
  )}:${two(wall.getUTCSeconds())}${fraction}${suffix}`;
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
 * Reads CSV text one record at a time, keyed by lower-cased header (papaparse's step mode: nothing but the text
 * and the current row is held). `row` is the record's number counting the header as row 1, as a spreadsheet
 * shows it (the line number, unless a quoted cell spans lines); blank lines are skipped but counted. `cursor` is
 * how far into the text the record ends. Throws CsvFormatError for a file that is not a usable CSV.
 */
export function readCsvRecords(text: string, onRecord: (record: CsvRecord, cursor: number) => void): string[] {
  let header: string[] | null = null;
  let index = 0;
  let failure: CsvFormatError | null = null;
  const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === "");
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
    step(result, parser) {
      index += 1;
      const quotes = result.errors.find((error) => error.type === "Quotes");
      if (quotes) {
        failure = new CsvFormatError(`Row ${index}: ${quotes.message}`);
        return parser.abort();
      }
      const cells = result.data;
      if (isBlank(cells)) return;
      if (!header) {
        header = cells.map((cell) => cell.trim().toLowerCase());
        const missing = REQUIRED_COLUMNS.filter((column) => !header!.includes(column));
        if (missing.length === 0) return;
        failure = new CsvFormatError(
          `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. The header row must name ${IMPORT_COLUMNS.join(", ")}.`,
        );
        return parser.abort();
      }
      const record: Record<string, string> = {};
      header.forEach((column, at) => {
        if (column && !(column in record)) record[column] = unescapeFormula((cells[at] ?? "").trim());
      });
      onRecord({ row: index, cells: record }, result.meta.cursor);
    },
  });
  if (failure) throw failure;
  if (!header) throw new CsvFormatError("The file is empty.");
  return header;
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
