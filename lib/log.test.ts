import { describe, expect, it } from "vitest";
import { maskLinkTokens } from "./log";

const token = "HK8SrjXwrxokb3tWQ4lFFAAAaxfW-g._QVN_qhBFf8chph7WMtMAOxAa4XYliG76Mk1wXpx-kU";

describe("maskLinkTokens", () => {
  it("keeps self-service tokens out of logged URLs and referrers", () => {
    expect(maskLinkTokens(`/i/${token}`)).toBe("/i/[token]");
    expect(maskLinkTokens(`/i/${token}/invite.ics`)).toBe("/i/[token]/invite.ics");
    expect(maskLinkTokens(`/api/self-service/${token}?x=1`)).toBe("/api/self-service/[token]?x=1");
    expect(maskLinkTokens(`https://callboard.example.com/i/${token}`)).toBe("https://callboard.example.com/i/[token]");
    expect(maskLinkTokens("/api/candidates/4/invite.ics")).toBe("/api/candidates/4/invite.ics");
  });

  it("masks whatever was typed in a token's place, and a token anywhere else in a line", () => {
    expect(maskLinkTokens("/i/not-even-a-token")).toBe("/i/[token]");
    expect(maskLinkTokens(`{"msg":"failed","err":{"message":"no link for ${token}"}}`)).toBe(
      '{"msg":"failed","err":{"message":"no link for [token]"}}',
    );
    expect(maskLinkTokens(`{"url":"/i/${token}"}`)).toBe('{"url":"/i/[token]"}');
  });
});
