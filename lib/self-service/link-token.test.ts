import { describe, expect, it } from "vitest";
import { createLinkToken, tokenHash, verifyLinkToken } from "./link-token";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const EXPIRES = new Date("2027-03-10T12:00:00Z");

describe("self-service link tokens", () => {
  it("carry 128 random bits and their expiry, signed", () => {
    const token = createLinkToken(EXPIRES, SECRET);
    expect(verifyLinkToken(token, SECRET)).toEqual({ ok: true, expiresAt: EXPIRES });
    const others = new Set(Array.from({ length: 200 }, () => createLinkToken(EXPIRES, SECRET)));
    expect(others.size).toBe(200);
  });

  it("refuse every one-character edit, a token signed with another secret, and other shapes", () => {
    const token = createLinkToken(EXPIRES, SECRET);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const replacement = alphabet[(alphabet.indexOf(token[i]!) + 1) % alphabet.length]!;
      const edited = `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
      expect(verifyLinkToken(edited, SECRET).ok, `position ${i}`).toBe(false);
    }
    expect(verifyLinkToken(createLinkToken(EXPIRES, "another-secret-that-is-long-enough-0123"), SECRET)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    for (const bad of ["", "abc", `${token}x`, token.replace(".", ""), `${token}.x`, token.toUpperCase()]) {
      expect(verifyLinkToken(bad, SECRET).ok, bad).toBe(false);
    }
  });

  it("are stored as a SHA-256, never as themselves", () => {
    const token = createLinkToken(EXPIRES, SECRET);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toContain(token);
  });
});
