import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  // `/sign-in?next=/%5Cevil.test` (and the tab and backslash forms) landed on http://evil.test/ after
  // signing in. These are the values the page receives, already percent-decoded once by the query string.
  it.each([
    ["a backslash after the slash", "/\\evil.test"],
    ["a tab and a slash", "/\t/evil.test"],
    ["a backslash and a slash", "/\\/evil.test"],
    ["a line break and a slash", "/\n/evil.test"],
    ["a carriage return and a backslash", "/\r\\evil.test"],
    ["a protocol-relative URL", "//evil.test"],
    ["a protocol-relative URL with a path", "//evil.test/board"],
    ["three slashes", "///evil.test"],
    ["a dot segment before two slashes", "/.//evil.test"],
    ["a dot-dot segment before two slashes", "/x/..//evil.test"],
    ["an https URL", "https://evil.test/"],
    ["an https URL without slashes", "https:evil.test"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a javascript: URL with a leading space", " javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a backslash first", "\\\\evil.test"],
    ["a mixed-case scheme", "HtTpS://evil.test"],
    ["an empty value", ""],
    ["a relative path", "candidates/1"],
    ["a non-string", ["/", "//evil.test"]],
    ["an overlong value", `/${"a".repeat(3000)}`],
  ])("sends %s home", (_label, next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("keeps the encoded forms encoded: they name a path on this origin, not a host", () => {
    // Decoded once more by nobody: the browser asks Callboard for this path, which is a 404 at worst.
    expect(safeNextPath("/%5Cevil.test")).toBe("/%5Cevil.test");
    expect(safeNextPath("/%2F%2Fevil.test")).toBe("/%2F%2Fevil.test");
    expect(safeNextPath("/%09/evil.test")).toBe("/%09/evil.test");
  });

  it.each([
    ["/", "/"],
    ["/candidates/12", "/candidates/12"],
    ["/?status=confirmed&q=Asha", "/?status=confirmed&q=Asha"],
    ["/candidates/12#calls", "/candidates/12#calls"],
    ["/admin/users", "/admin/users"],
    ["/a/../inbox", "/inbox"],
  ])("keeps the own path %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it("whatever it returns, a browser resolves it on the same origin", () => {
    const samples = ["/x", "/\\x", "//x", "/\t/x", "/.//x", "/%5C/x", "/./x", "/..//x", "/?a=//x", "/#//x", "/\u0000/x", "/ /x"];
    for (const next of samples) {
      const target = new URL(safeNextPath(next), "https://callboard.example/");
      expect(target.origin, JSON.stringify(next)).toBe("https://callboard.example");
    }
  });
});
