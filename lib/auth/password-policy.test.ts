import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_LENGTH } from "./password-policy";

describe("passwordProblem (ASVS V2.1)", () => {
  // `aaaaaaaaaa` was accepted for an admin; length was the only rule.
  it.each([
    ["the finding's password", "aaaaaaaaaa"],
    ["a 12-character repeat", "aaaaaaaaaaaa"],
    ["a common password made long", "password1234"],
    ["a keyboard walk", "qwertyuiop123"],
    ["a sequence", "abcdefghijkl"],
    ["digits", "123456789012"],
    ["a common password with the usual additions", "Password123!"],
    ["a repeated word", "passwordpassword"],
    ["the product's name and a year", "Callboard2025!"],
  ])("refuses %s (%j)", (_label, password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it("refuses a password built from the account's own email", () => {
    expect(passwordProblem("priyanka.sharma", { email: "priyanka.sharma@example.com" })).not.toBeNull();
  });

  it(`refuses fewer than ${PASSWORD_LENGTH.min} and more than ${PASSWORD_LENGTH.max} characters`, () => {
    expect(passwordProblem("kS3_x9Qb-2Z")).toMatch(/at least 12/);
    expect(passwordProblem("kS3_x9Qb-2Zw".repeat(11))).toMatch(/at most 128/);
  });

  it("accepts long passphrases, any characters and no composition rules (at least 64 characters allowed)", () => {
    for (const password of [
      "kS3_x9Qb-2Zw",
      "correct horse battery staple",
      "lowercase only but long enough",
      "ünïcödé pässwörd wörks tøø",
      "tr0ub4dor-and-three-other-words ".repeat(4).slice(0, 128),
    ]) {
      expect(passwordProblem(password), password).toBeNull();
    }
  });

  it("accepts the passwords the tests and the e2e specs use", () => {
    for (const password of [
      "admin-password-1",
      "e2e-admin-password",
      "e2e-recruiter-password",
      "recruiter-pass-1",
      "staff-password-1",
      "long-enough-1",
      "priya-initial-pw",
      "password-of-1!",
      "whatever-new-1",
    ]) {
      expect(passwordProblem(password), password).toBeNull();
    }
  });
});
