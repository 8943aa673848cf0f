import { describe, expect, it } from "vitest";
import { viewerZoneFrom } from "./read-viewer-zone";

describe("viewerZoneFrom", () => {
  it("reads the browser's zone from the cookie, by its current name", () => {
    expect(viewerZoneFrom("America%2FLos_Angeles", "UTC")).toEqual({
      zone: "America/Los_Angeles",
      remembered: "America/Los_Angeles",
    });
    expect(viewerZoneFrom("Asia%2FCalcutta", "UTC")).toEqual({ zone: "Asia/Kolkata", remembered: "Asia/Calcutta" });
  });

  it("falls back to the team's zone for no cookie, a zone nobody knows, or a cookie written by hand", () => {
    for (const cookie of [undefined, "", "Mars%2FOlympus", "%E0%A4%A", "x".repeat(100)]) {
      expect(viewerZoneFrom(cookie, "Asia/Kolkata"), String(cookie)).toEqual({ zone: "Asia/Kolkata", remembered: "" });
    }
  });
});
