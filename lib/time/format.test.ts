import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, offsetMinutes, sameClock, toLocalInput, wallClock, zoneLabel } from "./format";

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

/**
 * The wall clock comes from an offset read at both ends of each hour (lib/time/format.ts): it must be what Intl says
 * of every instant, in zones with half- and quarter-hour offsets, odd-second offsets of the past, daylight saving
 * either way, and a skipped day.
 */
describe("wallClock against Intl itself", () => {
  const ZONES = [
    "UTC",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "Pacific/Chatham",
    "Africa/Monrovia",
    "Europe/Dublin",
    "Europe/London",
    "America/New_York",
    "Pacific/Apia",
  ];
  const formats = new Map<string, Intl.DateTimeFormat>();
  const intl = (at: number, zone: string) => {
    if (!formats.has(zone)) {
      const options = { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric" } as const;
      formats.set(zone, new Intl.DateTimeFormat("en-US", { ...options, hour: "numeric", minute: "numeric", second: "numeric" }));
    }
    const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of formats.get(zone)!.formatToParts(at)) {
      if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
    }
    return fields;
  };
  const offsetOf = (at: number, zone: string) => {
    const f = intl(at, zone);
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(at / 1000) * 1000;
  };

  it("agrees at any instant from 1850 to 2100", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, at) => {
        expect(wallClock(new Date(at), zone)).toEqual(intl(at, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees on both sides of every change of offset since 1900, to the second", () => {
    const WEEK = 7 * 86_400_000;
    let changes = 0;
    for (const zone of ZONES) {
      for (let at = Date.UTC(1900, 0, 1); at < Date.UTC(2030, 0, 1); at += WEEK) {
        if (offsetOf(at, zone) === offsetOf(at + WEEK, zone)) continue;
        // The second at which it changes, then instants around it.
        let [before, after] = [at, at + WEEK];
        while (after - before > 1000) {
          const middle = before + Math.floor((after - before) / 2000) * 1000;
          if (offsetOf(middle, zone) === offsetOf(before, zone)) before = middle;
          else after = middle;
        }
        changes += 1;
        for (const delta of [-3_600_000, -901_000, -1000, -1, 0, 1, 999, 1000, 61_000, 899_999, 3_600_000]) {
          expect(wallClock(new Date(after + delta), zone), `${zone} ${new Date(after + delta).toISOString()}`).toEqual(
            intl(after + delta, zone),
          );
        }
      }
    }
    expect(changes).toBeGreaterThan(500);
  });
});
