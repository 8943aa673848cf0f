import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  CsvFormatError,
  escapeFormula,
  formatCsvInstant,
  readCsvInstant,
  readCsvRecords,
  type CsvRecord,
  unescapeFormula,
  writeCsv,
} from "./csv-format";

const parseCsvInstant = (text: string, zone: string, dateOnly = false) => {
  const read = readCsvInstant(text, zone, dateOnly);
  return read?.ok ? read.at : null;
};

describe("readCsvInstant", () => {
  it.each([
    ["2025-12-12T11:00:00+05:30", "2025-12-12T05:30:00.000Z"],
    ["2025-12-12T11:00+05:30", "2025-12-12T05:30:00.000Z"],
    ["2025-12-12T05:30:00Z", "2025-12-12T05:30:00.000Z"],
    ["2025-12-12T05:30:00.250Z", "2025-12-12T05:30:00.250Z"],
    ["2025-12-12 11:00", "2025-12-12T05:30:00.000Z"],
    ["2025-12-12 9:05", "2025-12-12T03:35:00.000Z"],
    ["2025-12-12T11:00", "2025-12-12T05:30:00.000Z"],
  ])("%s → %s (in Asia/Kolkata)", (text, iso) => {
    expect(parseCsvInstant(text, "Asia/Kolkata")?.toISOString()).toBe(iso);
  });

  it.each(["", "next Tuesday", "2025-13-01 10:00", "2025-12-12 25:00", "12/12/2025 11:00", "2025-12-12"])(
    "refuses %j",
    (text) => {
      expect(parseCsvInstant(text, "Asia/Kolkata")).toBeNull();
    },
  );

  it("refuses a local time the zone skips or repeats, naming both readings", () => {
    expect(readCsvInstant("2027-03-14 02:30", "America/New_York")).toEqual({
      ok: false,
      message: expect.stringMatching(/does not exist in America\/New_York.*01:30 EST or .*03:30 EDT/),
    });
    expect(readCsvInstant("2027-11-07 01:30", "America/New_York")).toEqual({
      ok: false,
      message: expect.stringMatching(/happens twice in America\/New_York.*01:30 EDT.*01:30 EST/),
    });
    // With its offset, the repeated hour is one instant.
    expect(parseCsvInstant("2027-11-07T01:30:00-05:00", "America/New_York")?.toISOString()).toBe("2027-11-07T06:30:00.000Z");
  });

  it("reads a bare date only when asked (applied_at)", () => {
    expect(parseCsvInstant("2025-12-12", "Asia/Kolkata", true)?.toISOString()).toBe("2025-12-11T18:30:00.000Z");
  });

  it("writes ISO 8601 with the zone's offset, and reads it back", () => {
    const at = new Date("2025-12-12T05:30:00Z");
    expect(formatCsvInstant(at, "Asia/Kolkata")).toBe("2025-12-12T11:00:00+05:30");
    expect(formatCsvInstant(at, "UTC")).toBe("2025-12-12T05:30:00Z");
    expect(parseCsvInstant(formatCsvInstant(at, "America/New_York"), "UTC")).toEqual(at);
    expect(formatCsvInstant(null, "UTC")).toBe("");
  });
});

function readCsv(text: string) {
  const records: CsvRecord[] = [];
  const header = readCsvRecords(text, (record) => records.push(record));
  return { header, records };
}

describe("readCsvRecords / writeCsv", () => {
  it("reads headers case-insensitively, skips blank lines but keeps row numbers, and round-trips quoting", () => {
    const text = writeCsv(
      [
        { name: 'Ravi "R" Kumar, Jr.', phone: "+919800000001", interview_at: "2025-12-12 11:00" },
        { name: "Line\nbreak", phone: "+919800000002", interview_at: "2025-12-12 12:00" },
      ],
      ["Name", "phone", "interview_at"].map((column) => column.toLowerCase()),
    );
    const table = readCsv(`\uFEFF${text.replace("name,", "NAME,")}\r\n\r\n`);
    expect(table.header).toEqual(["name", "phone", "interview_at"]);
    expect(table.records).toEqual([
      { row: 2, cells: { name: 'Ravi "R" Kumar, Jr.', phone: "+919800000001", interview_at: "2025-12-12 11:00" } },
      { row: 3, cells: { name: "Line\nbreak", phone: "+919800000002", interview_at: "2025-12-12 12:00" } },
    ]);
  });

  it("names the missing required columns, and refuses an empty file", () => {
    expect(() => readCsv("name,email\nA,a@example.com")).toThrow(/Missing columns: phone, interview_at/);
    expect(() => readCsv("\n\n")).toThrow(CsvFormatError);
    expect(() => readCsv('name,phone,interview_at\n"unclosed,+919800000001,2025-12-12 11:00')).toThrow(/^Row 2: /);
  });

  it("defuses spreadsheet formulas on the way out and restores them on the way in", () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(escapeFormula("@SUM(1)")).toBe("'@SUM(1)");
    expect(escapeFormula("Asha")).toBe("Asha");
    expect(unescapeFormula('\'=HYPERLINK("x")')).toBe('=HYPERLINK("x")');
    expect(unescapeFormula("'quoted")).toBe("'quoted");
  });
});

describe("formatCsvInstant", () => {
  it("writes what luxon's ISO writer writes, in any zone, across offsets and DST", () => {
    const zones = ["UTC", "Etc/UTC", "Europe/London", "Asia/Kolkata", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham"];
    for (let i = 0; i < 2_000; i += 1) {
      const at = new Date(Date.UTC(2024, 0, 1) + i * 16_000_013 + (i % 3 === 0 ? 250 : 0));
      for (const zone of zones) {
        expect(formatCsvInstant(at, zone)).toBe(DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }));
      }
    }
  });
});
