import { describe, expect, it } from "vitest";
import { candidateZone, zoneAssumed, zoneForPhone, zoneToStore } from "./zone-for-phone";

describe("zoneForPhone", () => {
  it.each([
    ["+919876543210", "Asia/Kolkata"],
    ["+447911123456", "Europe/London"],
    ["+971501234567", "Asia/Dubai"],
    ["+6591234567", "Asia/Singapore"],
    // Germany lists Büsingen's zone too, on the same clock as Berlin.
    ["+4915112345678", "Europe/Berlin"],
  ])("%s is in %s", (phone, zone) => {
    expect(zoneForPhone(phone)).toBe(zone);
  });

  it.each([
    ["the US", "+12025550123"],
    ["Canada", "+14165550123"],
    ["Australia", "+61412345678"],
    ["Russia", "+79161234567"],
    ["Spain (the Canaries are an hour behind)", "+34612345678"],
    ["Brazil", "+5511912345678"],
  ])("guesses no zone for %s, whose zones keep different clocks", (_, phone) => {
    expect(zoneForPhone(phone)).toBeNull();
  });

  it("answers null for a number that names no country", () => {
    expect(zoneForPhone("12345")).toBeNull();
    expect(zoneForPhone("")).toBeNull();
  });
});

describe("candidateZone", () => {
  it("prefers the stored zone, then the phone's country, then the fallback", () => {
    expect(candidateZone({ timeZone: "Europe/Berlin", phone: "+919876543210" }, "UTC")).toBe("Europe/Berlin");
    expect(candidateZone({ timeZone: null, phone: "+919876543210" }, "UTC")).toBe("Asia/Kolkata");
    expect(candidateZone({ timeZone: null, phone: "+12025550123" }, "Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(candidateZone({ timeZone: null, phone: "not a phone" }, "UTC")).toBe("UTC");
  });

  it("is assumed until someone sets it, when the phone does not tell it", () => {
    expect(zoneAssumed({ timeZone: null, phone: "+12025550123" })).toBe(true);
    expect(zoneAssumed({ timeZone: "America/Chicago", phone: "+12025550123" })).toBe(false);
    expect(zoneAssumed({ timeZone: null, phone: "+919876543210" })).toBe(false);
  });

  it("stores the zone given, else the phone's only when it is certain", () => {
    expect(zoneToStore("America/Denver", "+12025550123")).toBe("America/Denver");
    expect(zoneToStore(null, "+12025550123")).toBeNull();
    expect(zoneToStore(undefined, "+919876543210")).toBe("Asia/Kolkata");
  });
});

describe("a country of one clock", () => {
  it.each([
    ["Vietnam", "+84912345678", "Asia/Ho_Chi_Minh"],
    ["Kazakhstan", "+77012345678", "Asia/Almaty"],
    ["Cyprus", "+35799123456", "Asia/Famagusta"],
  ])("%s gets a zone of its own", (_, phone, zone) => {
    expect(zoneForPhone(phone)).toBe(zone);
  });
});
