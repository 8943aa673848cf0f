import { describe, expect, it } from "vitest";
import { formatInstant, offsetMinutes, sameClock, toLocalInput, zoneLabel } from "./format";

const at = new Date("2026-12-17T09:30:05Z");

describe("formatInstant", () => {
  it.each([
    ["Asia/Kolkata", "Thu 17 Dec 2026, 15:00 IST"],
    ["UTC", "Thu 17 Dec 2026, 09:30 UTC"],
    ["Europe/Berlin", "Thu 17 Dec 2026, 10:30 CET"],
    ["America/New_York", "Thu 17 Dec 2026, 04:30 EST"],
    ["Australia/Sydney", "Thu 17 Dec 2026, 20:30 AEDT"],
    // No short name in any English locale: the offset says it unambiguously.
    ["Asia/Tokyo", "Thu 17 Dec 2026, 18:30 GMT+9"],
  ])("writes the instant in %s with the zone's label", (zone, text) => {
    expect(formatInstant(at, zone)).toBe(text);
  });

  it("has a date-only form without a zone, and a form with seconds", () => {
    expect(formatInstant(at, "Asia/Kolkata", "date")).toBe("17 Dec 2026");
    expect(formatInstant(at, "Asia/Kolkata", "second")).toBe("17 Dec 2026, 15:00:05 IST");
  });

  it("crosses the date line and daylight saving as the zone does", () => {
    expect(formatInstant(new Date("2026-12-31T20:00:00Z"), "Asia/Kolkata")).toBe("Fri 1 Jan 2027, 01:30 IST");
    expect(formatInstant(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe("Wed 1 Jul 2026, 14:00 CEST");
    expect(formatInstant(new Date("2026-09-03T00:00:00Z"), "UTC")).toBe("Thu 3 Sep 2026, 00:00 UTC");
  });
});

describe("zones", () => {
  it("knows each zone's offset and short name at an instant", () => {
    expect(offsetMinutes(at, "Asia/Kolkata")).toBe(330);
    expect(offsetMinutes(at, "America/New_York")).toBe(-300);
    expect(zoneLabel(new Date("2026-07-01T00:00:00Z"), "America/New_York")).toBe("EDT");
  });

  it("says when two zones show the same clock (aliases, or the same offset)", () => {
    expect(sameClock(at, "Asia/Kolkata", "Asia/Calcutta")).toBe(true);
    expect(sameClock(at, "Europe/London", "UTC")).toBe(true);
    expect(sameClock(new Date("2026-07-01T00:00:00Z"), "Europe/London", "UTC")).toBe(false);
  });

  it("gives a datetime-local value on the zone's clock", () => {
    expect(toLocalInput(at, "Asia/Kolkata")).toBe("2026-12-17T15:00");
  });
});
