import { afterEach, describe, expect, it, vi } from "vitest";

/** isSameOrigin under a given environment: env() is read once per module instance, so each case loads afresh. */
async function check(environment: Record<string, string>, headers: Record<string, string>): Promise<boolean> {
  vi.resetModules();
  for (const [key, value] of Object.entries(environment)) vi.stubEnv(key, value);
  const { isSameOrigin } = await import("./same-origin");
  return isSameOrigin({ headers: new Headers(headers) });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const direct = { TRUSTED_PROXY_HOPS: "0", APP_URL: "" };
const proxied = { TRUSTED_PROXY_HOPS: "1", APP_URL: "" };

describe("isSameOrigin", () => {
  it("accepts a request without Origin (not a browser form) and refuses Sec-Fetch-Site: cross-site", async () => {
    expect(await check(direct, { host: "127.0.0.1:3000" })).toBe(true);
    expect(await check(direct, { host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" })).toBe(false);
  });

  it("compares Origin with Host, and refuses what does not parse", async () => {
    expect(await check(direct, { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(await check(direct, { host: "127.0.0.1:3000", origin: "http://evil.test" })).toBe(false);
    expect(await check(direct, { host: "127.0.0.1:3000", origin: "null" })).toBe(false);
    expect(await check(direct, { origin: "http://127.0.0.1:3000" })).toBe(false);
  });

  // X-Forwarded-Host was believed from anyone.
  it("ignores X-Forwarded-Host without a trusted proxy", async () => {
    const headers = { host: "127.0.0.1:3000", origin: "http://evil.test", "x-forwarded-host": "evil.test" };
    expect(await check(direct, headers)).toBe(false);
  });

  it("believes X-Forwarded-Host behind a trusted proxy (the last one, which the nearest proxy wrote)", async () => {
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "evil.test, callboard.example" };
    expect(await check(proxied, { ...headers, origin: "https://callboard.example" })).toBe(true);
    expect(await check(proxied, { ...headers, origin: "http://evil.test" })).toBe(false);
  });

  it("with APP_URL, accepts its origin only: scheme, host and port", async () => {
    const environment = { ...proxied, APP_URL: "https://callboard.example" };
    const headers = { host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000" };
    expect(await check(environment, { ...headers, origin: "https://callboard.example" })).toBe(true);
    expect(await check(environment, { ...headers, origin: "http://callboard.example" })).toBe(false);
    expect(await check(environment, { ...headers, origin: "https://callboard.example:8443" })).toBe(false);
    expect(await check(environment, { ...headers, origin: "http://127.0.0.1:3000" })).toBe(false);
  });
});
