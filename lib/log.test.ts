import { afterEach, describe, expect, it, vi } from "vitest";
import { maskTokens } from "./log";

const token = "HK8SrjXwrxokb3tWQ4lFFAAAaxfW-g._QVN_qhBFf8chph7WMtMAOxAa4XYliG76Mk1wXpx-kU";

describe("maskTokens", () => {
  it("keeps self-service tokens out of logged URLs and referrers", () => {
    expect(maskTokens(`/i/${token}`)).toBe("/i/[token]");
    expect(maskTokens(`/i/${token}/invite.ics`)).toBe("/i/[token]/invite.ics");
    expect(maskTokens(`/api/self-service/${token}?x=1`)).toBe("/api/self-service/[token]?x=1");
    expect(maskTokens(`https://callboard.example.com/i/${token}`)).toBe("https://callboard.example.com/i/[token]");
    expect(maskTokens("/api/candidates/4/invite.ics")).toBe("/api/candidates/4/invite.ics");
  });

  it("masks whatever was typed in a token's place, and a token anywhere else in a line", () => {
    expect(maskTokens("/i/not-even-a-token")).toBe("/i/[token]");
    expect(maskTokens(`{"msg":"failed","err":{"message":"no link for ${token}"}}`)).toBe(
      '{"msg":"failed","err":{"message":"no link for [token]"}}',
    );
    expect(maskTokens(`{"url":"/i/${token}"}`)).toBe('{"url":"/i/[token]"}');
  });

  it("masks bearer credentials, and the configured secrets wherever a line holds them", () => {
    const agentToken = "agent-tool-token-for-the-log-test-0123";
    vi.stubEnv("AGENT_TOOL_TOKEN", agentToken);
    vi.stubEnv("API_TOKEN", "api-token-for-the-log-test-456789");
    expect(maskTokens(`{"headers":{"authorization":"Bearer ${agentToken}"}}`)).toBe(
      '{"headers":{"authorization":"Bearer [token]"}}',
    );
    expect(maskTokens(`fetch failed: authorization: bearer someone-elses-token`)).toBe(
      "fetch failed: authorization: bearer [token]",
    );
    expect(maskTokens(`GET /api/agent/slots?token=${agentToken}&execution_id=e1 failed`)).toBe(
      "GET /api/agent/slots?token=[secret]&execution_id=e1 failed",
    );
    expect(maskTokens("API_TOKEN was api-token-for-the-log-test-456789.")).toBe("API_TOKEN was [secret].");
    // What only names the credential stays readable.
    expect(maskTokens("Send Authorization: Bearer <AGENT_TOOL_TOKEN>.")).toBe("Send Authorization: Bearer <AGENT_TOOL_TOKEN>.");
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
});
