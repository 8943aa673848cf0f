import { describe, expect, it } from "vitest";
import { maskLinkTokens } from "./request-log";

describe("maskLinkTokens", () => {
  it("keeps self-service tokens out of logged URLs and referrers", () => {
    const token = "HK8SrjXwrxokb3tWQ4lFFAAAaxfW-g._QVN_qhBFf8chph7WMtMAOxAa4XYliG76Mk1wXpx-kU";
    expect(maskLinkTokens(`/i/${token}`)).toBe("/i/[token]");
    expect(maskLinkTokens(`/i/${token}/invite.ics`)).toBe("/i/[token]/invite.ics");
    expect(maskLinkTokens(`/api/self-service/${token}?x=1`)).toBe("/api/self-service/[token]?x=1");
    expect(maskLinkTokens(`https://callboard.example.com/i/${token}`)).toBe("https://callboard.example.com/i/[token]");
    expect(maskLinkTokens("/api/candidates/4/invite.ics")).toBe("/api/candidates/4/invite.ics");
  });
});
