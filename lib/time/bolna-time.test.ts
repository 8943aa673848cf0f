import { describe, expect, it } from "vitest";
import { parseBolnaTime } from "./bolna-time";

function parsed(value: unknown) {
  const instant = parseBolnaTime(value);
  if (!instant) throw new Error(`expected ${JSON.stringify(value)} to parse`);
  return instant;
}

const micros = (value: string) => parsed(value).micros;

describe("parseBolnaTime", () => {
  it("reads Bolna's zone-less six-decimal timestamp as UTC, keeping the microseconds", () => {
    const instant = parsed("2025-12-10T09:30:12.514980");
    expect(instant.date.toISOString()).toBe("2025-12-10T09:30:12.514Z");
    expect(instant.micros).toBe(Date.UTC(2025, 11, 10, 9, 30, 12) * 1000 + 514_980);
  });

  it.each([
    ["2025-12-10T09:30:12Z", "2025-12-10T09:30:12.000Z"],
    ["2025-12-10T09:30:12.5z", "2025-12-10T09:30:12.500Z"],
    ["2025-12-10T09:30:12+05:30", "2025-12-10T04:00:12.000Z"],
    ["2025-12-10T09:30:12+0530", "2025-12-10T04:00:12.000Z"],
    ["2025-12-10T09:30:12-08:00", "2025-12-10T17:30:12.000Z"],
    ["2025-12-10T02:00:00+05:30", "2025-12-09T20:30:00.000Z"],
    ["2025-12-10 09:30:12.514980", "2025-12-10T09:30:12.514Z"],
    ["2025-12-10T09:30", "2025-12-10T09:30:00.000Z"],
    ["2025-12-10 09:30+05:30", "2025-12-10T04:00:00.000Z"],
    ["  2025-12-10T09:30:12  ", "2025-12-10T09:30:12.000Z"],
    ["2024-02-29T23:59:59.999999", "2024-02-29T23:59:59.999Z"],
  ])("reads %j as %s", (value, iso) => {
    expect(parsed(value).date.toISOString()).toBe(iso);
  });

  it("applies the offset to micros as well as to the date", () => {
    expect(micros("2025-12-10T09:30:12.000001+05:30")).toBe(micros("2025-12-10T04:00:12.000001Z"));
    expect(micros("2025-12-10T09:30:12.000001+05:30")).toBe(micros("2025-12-10T04:00:12.000001"));
  });

  it("reads short and over-long fractions as decimals of a second", () => {
    expect(micros("2025-12-10T09:30:12.5") % 1_000_000).toBe(500_000);
    expect(micros("2025-12-10T09:30:12.000123456") % 1_000_000).toBe(123);
  });

  it("orders two timestamps a few microseconds apart that share a millisecond", () => {
    const earlier = parsed("2025-12-10T09:30:12.514980");
    const later = parsed("2025-12-10T09:30:12.514983");
    expect(earlier.date.getTime()).toBe(later.date.getTime());
    expect(later.micros - earlier.micros).toBe(3);
  });

  it("orders timestamps across a second boundary", () => {
    expect(micros("2025-12-10T09:30:13.000000")).toBeGreaterThan(micros("2025-12-10T09:30:12.999999"));
    expect(micros("2025-12-10T09:30:13.000000") - micros("2025-12-10T09:30:12.999999")).toBe(1);
  });

  it.each([
    ["February 30", "2025-02-30T09:30:12"],
    ["February 29 in a common year", "2025-02-29T09:30:12"],
    ["month 13", "2025-13-01T09:30:12"],
    ["day 0", "2025-12-00T09:30:12"],
    ["hour 25", "2025-12-10T25:00:00"],
    ["hour 24", "2025-12-10T24:00:00"],
    ["minute 60", "2025-12-10T09:60:00"],
    ["second 60", "2025-12-10T09:30:60"],
    ["a date only", "2025-12-10"],
    ["a time only", "09:30:12"],
    ["a ten-digit fraction", "2025-12-10T09:30:12.1234567890"],
    ["a named zone", "2025-12-10T09:30:12 IST"],
    ["a slash date", "2025/12/10 09:30:12"],
    ["trailing garbage", "2025-12-10T09:30:12.514980abc"],
    ["an empty string", ""],
  ])("rejects %s", (_label, value) => {
    expect(parseBolnaTime(value)).toBeNull();
  });

  it.each([
    ["a number", 1765359012514],
    ["null", null],
    ["undefined", undefined],
    ["a Date", new Date("2025-12-10T09:30:12Z")],
    ["an object", { date: "2025-12-10T09:30:12" }],
  ])("rejects %s", (_label, value) => {
    expect(parseBolnaTime(value)).toBeNull();
  });

  it("rejects strings longer than 40 characters before matching them", () => {
    const value = `2025-12-10T09:30:12.514980${" ".repeat(20)}`;
    expect(value.length).toBeGreaterThan(40);
    expect(parseBolnaTime(value)).toBeNull();
    expect(parseBolnaTime("9".repeat(100_000))).toBeNull();
  });

  it("rejects an offset that is not a real UTC offset", () => {
    expect(parseBolnaTime("2025-12-10T09:30:12+99:99")).toBeNull();
  });
});
