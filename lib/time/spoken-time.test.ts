import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { ordinal, spokenDate, spokenDateTime, spokenList, spokenTime } from "./spoken-time";

const at = (iso: string, zone = "Asia/Kolkata") => DateTime.fromISO(iso, { zone });

describe("spokenTime", () => {
  it.each([
    ["2025-12-12T11:00", "11 o'clock in the morning"],
    ["2025-12-12T14:30", "2:30 in the afternoon"],
    ["2025-12-12T09:05", "9:05 in the morning"],
    ["2025-12-12T12:00", "12 noon"],
    ["2025-12-12T12:15", "12:15 in the afternoon"],
    ["2025-12-12T00:00", "12 midnight"],
    ["2025-12-12T00:30", "12:30 at night"],
    ["2025-12-12T17:00", "5 o'clock in the evening"],
    ["2025-12-12T21:45", "9:45 at night"],
    ["2025-12-12T16:59", "4:59 in the afternoon"],
  ])("%s → %s", (iso, spoken) => {
    expect(spokenTime(at(iso))).toBe(spoken);
  });

  it("speaks the wall-clock time of the zone it is given", () => {
    const instant = DateTime.fromISO("2025-12-12T05:30:00Z");
    expect(spokenTime(instant.setZone("Asia/Kolkata"))).toBe("11 o'clock in the morning");
    expect(spokenTime(instant.setZone("UTC"))).toBe("5:30 in the morning");
  });
});

describe("spokenDate", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [31, "31st"],
  ])("ordinal(%i) = %s", (day, text) => {
    expect(ordinal(day)).toBe(text);
  });

  it("says the weekday, the ordinal day and the month, and the year only when it is not this year", () => {
    expect(spokenDate(at("2025-12-12T11:00"), 2025)).toBe("Friday, the 12th of December");
    expect(spokenDate(at("2027-01-01T11:00"), 2025)).toBe("Friday, the 1st of January, 2027");
    expect(spokenDateTime(at("2025-12-15T14:00"), 2025)).toBe("Monday, the 15th of December at 2 o'clock in the afternoon");
  });

  it("joins a spoken list", () => {
    expect(spokenList([])).toBe("");
    expect(spokenList(["a"])).toBe("a");
    expect(spokenList(["a", "b", "c"])).toBe("a, b and c");
  });
});
