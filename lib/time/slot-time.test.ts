import { describe, expect, it } from "vitest";
import { slotToInstant } from "./slot-time";

const iso = (date: unknown, time: unknown, zone: string) => slotToInstant(date, time, zone)?.toISOString() ?? null;

describe("slotToInstant", () => {
  const threePm = ["3:00 PM", "3 PM", "15:00", "3:00 P.M.", "3:00 p.m.", "3:00pm", "3pm", "03:00 PM", "15:00:00", " 3:00 PM "];

  it.each(threePm)("reads %j on 2025-12-17 in UTC as 15:00Z", (time) => {
    expect(iso("2025-12-17", time, "UTC")).toBe("2025-12-17T15:00:00.000Z");
  });

  it.each(threePm)("reads %j on 2025-12-17 in Asia/Kolkata as 09:30Z", (time) => {
    expect(iso("2025-12-17", time, "Asia/Kolkata")).toBe("2025-12-17T09:30:00.000Z");
  });

  it.each([
    ["10:30 AM", "Asia/Kolkata", "2025-12-18T05:00:00.000Z"],
    ["12:00 PM", "UTC", "2025-12-18T12:00:00.000Z"],
    ["12 AM", "UTC", "2025-12-18T00:00:00.000Z"],
    ["11:59 PM", "Asia/Kolkata", "2025-12-18T18:29:00.000Z"],
    ["9:00 AM", "America/New_York", "2025-12-18T14:00:00.000Z"],
  ])("reads %j in %s", (time, zone, expected) => {
    expect(iso("2025-12-18", time, zone)).toBe(expected);
  });

  it("uses the zone's offset on that date (daylight saving time)", () => {
    expect(iso("2025-07-01", "9:00 AM", "America/New_York")).toBe("2025-07-01T13:00:00.000Z");
    expect(iso("2025-12-01", "9:00 AM", "America/New_York")).toBe("2025-12-01T14:00:00.000Z");
  });

  it.each([
    ["an empty time", "2025-12-17", ""],
    ["a word for a time", "2025-12-17", "afternoon"],
    ["hour 25", "2025-12-17", "25:00"],
    ["minute 60", "2025-12-17", "3:60 PM"],
    ["a spoken date", "Wednesday, the 17th of December", "3:00 PM"],
    ["a day-first date", "17/12/2025", "3:00 PM"],
    ["February 30", "2025-02-30", "3:00 PM"],
    ["a date with a time in it", "2025-12-17T15:00", "3:00 PM"],
    ["a time over 20 characters", "2025-12-17", `3:00 PM${" ".repeat(20)}`],
    ["a date over 20 characters", `2025-12-17${" ".repeat(20)}`, "3:00 PM"],
  ])("returns null for %s", (_label, date, time) => {
    expect(slotToInstant(date, time, "Asia/Kolkata")).toBeNull();
  });

  it.each([
    ["a numeric date", 20251217, "3:00 PM"],
    ["a null time", "2025-12-17", null],
    ["a numeric time", "2025-12-17", 15],
    ["an object", { date: "2025-12-17" }, { time: "3:00 PM" }],
  ])("returns null for %s", (_label, date, time) => {
    expect(slotToInstant(date, time, "UTC")).toBeNull();
  });

  it("returns null for an unknown time zone instead of guessing one", () => {
    expect(slotToInstant("2025-12-17", "3:00 PM", "Not/AZone")).toBeNull();
  });

  it("returns null for a 12-hour time with an hour over 12", () => {
    expect(slotToInstant("2025-12-17", "13 PM", "UTC")).toBeNull();
  });
});
