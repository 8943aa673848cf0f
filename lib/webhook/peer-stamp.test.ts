import type { IncomingHttpHeaders } from "node:http";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { PEER_HEADER, installPeerNonce, readPeer, stampPeer } from "./peer-stamp";

const NONCE_KEY = Symbol.for("callboard.peerNonce");
const nonceHolder = globalThis as unknown as Record<symbol, string | undefined>;

/** Stamps the headers a Node server received, then reads them back the way a route handler sees them. */
function roundTrip(incoming: IncomingHttpHeaders, remoteAddress: string | undefined) {
  const headers = { ...incoming };
  stampPeer(headers, remoteAddress);
  const stamp = headers[PEER_HEADER];
  return { stamp, peer: readPeer(new Headers(typeof stamp === "string" ? { [PEER_HEADER]: stamp } : {})) };
}

/** Runs `body` with no nonce installed, as in a server not started by scripts/start.ts, then restores it. */
function withoutNonce(body: () => void) {
  const saved = nonceHolder[NONCE_KEY];
  delete nonceHolder[NONCE_KEY];
  try {
    body();
  } finally {
    if (saved !== undefined) nonceHolder[NONCE_KEY] = saved;
  }
}

describe("with the nonce installed", () => {
  beforeAll(() => installPeerNonce());

  it("installs a 48-hex-digit nonce once and keeps it", () => {
    const first = nonceHolder[NONCE_KEY];
    expect(first).toMatch(/^[0-9a-f]{48}$/);
    installPeerNonce();
    expect(nonceHolder[NONCE_KEY]).toBe(first);
  });

  it("round-trips the peer address when there is no X-Forwarded-For", () => {
    expect(roundTrip({}, "13.203.39.153").peer).toEqual({ address: "13.203.39.153", forwardedFor: null });
  });

  it.each([
    ["a single entry", "13.203.39.153"],
    ["entries with spaces", "203.0.113.9, 13.203.39.153 ,10.0.0.2"],
    ["garbage (checked later by resolveSender)", "evil value; with %25 percent, and spaces"],
    ["IPv6 entries", "2001:db8::1, ::ffff:1.2.3.4"],
  ])("round-trips X-Forwarded-For holding %s exactly as it arrived", (_label, forwardedFor) => {
    expect(roundTrip({ "x-forwarded-for": forwardedFor }, "10.0.0.1").peer).toEqual({
      address: "10.0.0.1",
      forwardedFor,
    });
  });

  it("joins a repeated X-Forwarded-For header with commas", () => {
    const { peer } = roundTrip({ "x-forwarded-for": ["203.0.113.9", "13.203.39.153"] } as IncomingHttpHeaders, "::1");
    expect(peer).toEqual({ address: "::1", forwardedFor: "203.0.113.9,13.203.39.153" });
  });

  it("round-trips IPv6 and IPv4-mapped peers", () => {
    expect(roundTrip({}, "::ffff:13.203.39.153").peer?.address).toBe("::ffff:13.203.39.153");
    expect(roundTrip({}, "2001:db8::1").peer?.address).toBe("2001:db8::1");
  });

  it("replaces a stamp the client sent with the real one", () => {
    const forged = `${nonceHolder[NONCE_KEY]} 13.203.39.153 -`;
    const { stamp, peer } = roundTrip({ [PEER_HEADER]: forged }, "198.51.100.7");
    expect(stamp).not.toBe(forged);
    expect(peer).toEqual({ address: "198.51.100.7", forwardedFor: null });
  });

  it("deletes a client-sent stamp and sets none when the remote address is unknown", () => {
    const headers: IncomingHttpHeaders = { [PEER_HEADER]: "anything 13.203.39.153 -", host: "example" };
    stampPeer(headers, undefined);
    expect(headers).toEqual({ host: "example" });
  });

  it("returns null when the stamp is missing", () => {
    expect(readPeer(new Headers())).toBeNull();
    expect(readPeer(new Headers({ "x-forwarded-for": "13.203.39.153" }))).toBeNull();
  });

  it.each([
    ["a different nonce of the same length", () => `${"0".repeat(48)} 13.203.39.153 -`],
    ["a shorter nonce", () => `${nonceHolder[NONCE_KEY]!.slice(1)} 13.203.39.153 -`],
    ["the nonce with a suffix", () => `${nonceHolder[NONCE_KEY]}0 13.203.39.153 -`],
    ["no address", () => `${nonceHolder[NONCE_KEY]}`],
    ["no forwarded field", () => `${nonceHolder[NONCE_KEY]} 13.203.39.153`],
    ["a malformed escape in the forwarded field", () => `${nonceHolder[NONCE_KEY]} 13.203.39.153 %E0%A4%A`],
  ])("returns null for a stamp with %s", (_label, stamp) => {
    expect(readPeer(new Headers({ [PEER_HEADER]: stamp() }))).toBeNull();
  });

  it("returns null (does not throw) for a forged nonce with a non-ASCII character", () => {
    const stamp = `é${nonceHolder[NONCE_KEY]!.slice(1)} 13.203.39.153 -`;
    expect(readPeer(new Headers({ [PEER_HEADER]: stamp }))).toBeNull();
  });

  it("round-trips an empty X-Forwarded-For header", () => {
    expect(roundTrip({ "x-forwarded-for": "" }, "10.0.0.1").peer).toEqual({ address: "10.0.0.1", forwardedFor: "" });
  });
});

describe("without the nonce", () => {
  afterEach(() => installPeerNonce());

  it("stampPeer still deletes a client-sent stamp but sets none", () => {
    withoutNonce(() => {
      const headers: IncomingHttpHeaders = { [PEER_HEADER]: "forged 13.203.39.153 -", "x-forwarded-for": "1.2.3.4" };
      stampPeer(headers, "198.51.100.7");
      expect(headers).toEqual({ "x-forwarded-for": "1.2.3.4" });
    });
  });

  it("readPeer returns null even for a stamp made while a nonce was installed", () => {
    installPeerNonce();
    const { stamp, peer } = roundTrip({}, "198.51.100.7");
    expect(peer).not.toBeNull();
    withoutNonce(() => {
      expect(readPeer(new Headers({ [PEER_HEADER]: String(stamp) }))).toBeNull();
    });
  });
});
