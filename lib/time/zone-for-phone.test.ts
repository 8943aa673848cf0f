import { describe, expect, it } from "vitest";
import { candidateZone, COUNTRY_DEFAULT_ZONES, zoneForPhone } from "./zone-for-phone";

describe("zoneForPhone", () => {
  it.each([
    ["+919876543210", "Asia/Kolkata"],
    ["+447911123456", "Europe/London"],
    ["+971501234567", "Asia/Dubai"],
    ["+6591234567", "Asia/Singapore"],
    ["+12025550123", "America/New_York"],
    ["+61412345678", "Australia/Sydney"],
  ])("%s is in %s", (phone, zone) => {
    expect(zoneForPhone(phone)).toBe(zone);
  });

  it("answers null for a number that names no country", () => {
    expect(zoneForPhone("12345")).toBeNull();
    expect(zoneForPhone("")).toBeNull();
  });

  it("names only zones that exist", () => {
    for (const zone of Object.values(COUNTRY_DEFAULT_ZONES)) {
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone })).not.toThrow();
    }
  });
});

describe("candidateZone", () => {
  it("prefers the stored zone, then the phone's country, then the fallback", () => {
    expect(candidateZone({ timeZone: "Europe/Berlin", phone: "+919876543210" }, "UTC")).toBe("Europe/Berlin");
    expect(candidateZone({ timeZone: null, phone: "+919876543210" }, "UTC")).toBe("Asia/Kolkata");
    expect(candidateZone({ timeZone: null, phone: "not a phone" }, "UTC")).toBe("UTC");
  });
});
