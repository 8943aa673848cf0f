import { describe, expect, it } from "vitest";
import { parseTrustedProxies, trustedProxyMatcher } from "@/lib/http/trusted-proxies";
import { canonicalIp, resolveSender } from "./client-ip";

const peer = (address: string, forwardedFor: string | null = null) => ({ address, forwardedFor });
// The proxies of these tests sit in 10.0.0.0/8, and loopback (the default) is trusted too.
const trusted = trustedProxyMatcher(parseTrustedProxies("10.0.0.0/8,127.0.0.0/8,::1")!);

/** The sender's address, or null when resolveSender refuses the request. */
function senderIp(address: string, forwardedFor: string | null, hops: number): string | null {
  const result = resolveSender(peer(address, forwardedFor), hops, trusted);
  if (result.ok) return result.ip;
  expect(result.ip).toBeNull();
  expect(result.reason).not.toBe("");
  return null;
}

describe("canonicalIp", () => {
  it.each([
    ["13.203.39.153", "13.203.39.153"],
    ["  13.203.39.153\t", "13.203.39.153"],
    ["::ffff:13.203.39.153", "13.203.39.153"],
    ["::FFFF:13.203.39.153", "13.203.39.153"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["::1", "::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
  ])("canonicalises %j to %j", (input, expected) => {
    expect(canonicalIp(input)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["a word", "unknown"],
    ["a hostname", "bolna.ai"],
    ["an IPv4 address with a port", "1.2.3.4:80"],
    ["a bracketed IPv6 address with a port", "[::1]:8080"],
    ["two addresses separated by a space", "1.2.3.4 5.6.7.8"],
    ["an octet over 255", "256.1.1.1"],
    ["an IPv6 address with two ::", "1::2::3"],
    ["a CIDR range", "10.0.0.0/8"],
  ])("rejects %s", (_label, input) => {
    expect(canonicalIp(input)).toBeNull();
  });

  it.each([["1"], ["12345"], ["0x7f.1"], ["127.1"], ["010.1.1.1"]])("rejects the non-dotted-quad IPv4 form %j", (input) => {
    expect(canonicalIp(input)).toBeNull();
  });

  // ipaddr.js reads the deprecated IPv4-compatible form `::a.b.c.d` as if it were `::ffff:a.b.c.d`.
  it.each([
    ["IPv4-compatible IPv6", "::13.203.39.153"],
    ["IPv4-compatible IPv6 written out", "0:0:0:0:0:0:13.203.39.153"],
    ["IPv4-translated IPv6", "::ffff:0:13.203.39.153"],
    ["a NAT64 prefix with a dotted quad", "64:ff9b::13.203.39.153"],
    ["an IPv6 address with a zone", "fe80::1%eth0"],
    ["the unspecified IPv4 address", "0.0.0.0"],
    ["the unspecified IPv6 address", "::"],
    ["the unspecified address, mapped", "::ffff:0.0.0.0"],
    ["a mapped address with an octet over 255", "::ffff:256.1.1.1"],
  ])("rejects %s (%j)", (_label, input) => {
    expect(canonicalIp(input)).toBeNull();
  });

  it("accepts the mapped form written out in full", () => {
    expect(canonicalIp("0:0:0:0:0:ffff:13.203.39.153")).toBe("13.203.39.153");
    expect(canonicalIp("::ffff:0dcb:2799")).toBe("13.203.39.153");
  });

  it("rejects strings longer than 64 characters even when they would otherwise parse", () => {
    const padded = `${" ".repeat(60)}1.2.3.4`;
    expect(padded.trim()).toBe("1.2.3.4");
    // The length check is on the trimmed value, so surrounding whitespace alone does not reject it...
    expect(canonicalIp(padded)).toBe("1.2.3.4");
    // ...but a 65+ character value does, before ipaddr.js ever sees it.
    expect(canonicalIp("1".repeat(65))).toBeNull();
    expect(canonicalIp(`${"0:".repeat(40)}1`)).toBeNull();
    expect(canonicalIp("a".repeat(100_000))).toBeNull();
  });
});

describe("resolveSender", () => {
  it("fails closed when the TCP peer is unknown, whatever the hop count", () => {
    for (const hops of [0, 1, 2]) {
      const result = resolveSender(null, hops, trusted);
      expect(result).toMatchObject({ ok: false, ip: null });
      expect(result.ok ? "" : result.reason).toMatch(/peer/i);
    }
  });

  describe("with no trusted proxy (hops = 0)", () => {
    it("uses the TCP peer and ignores a client-written X-Forwarded-For", () => {
      expect(senderIp("13.203.39.153", null, 0)).toBe("13.203.39.153");
      expect(senderIp("198.51.100.7", "13.203.39.153", 0)).toBe("198.51.100.7");
      expect(senderIp("198.51.100.7", "13.203.39.153, 13.126.9.249", 0)).toBe("198.51.100.7");
    });

    it("canonicalises an IPv4-mapped IPv6 peer to its IPv4 address", () => {
      expect(resolveSender(peer("::ffff:13.203.39.153"), 0, trusted)).toEqual({ ok: true, ip: "13.203.39.153" });
    });

    it("accepts IPv6 peers in canonical form", () => {
      expect(senderIp("2001:DB8:0:0::7", null, 0)).toBe("2001:db8::7");
      expect(senderIp("::1", null, 0)).toBe("::1");
    });

    it.each([
      ["a word", "evil, 1.2.3.4"],
      ["a trailing comma", "1.2.3.4,"],
      ["an entry with a port", "1.2.3.4:80"],
      ["an empty header", ""],
      ["a very long entry", "1".repeat(5_000)],
    ])("ignores X-Forwarded-For with %s: nothing a client writes counts", (_label, forwardedFor) => {
      expect(resolveSender(peer("198.51.100.7", forwardedFor), 0, trusted)).toEqual({ ok: true, ip: "198.51.100.7" });
    });

    it.each([
      ["a word", "localhost"],
      ["an address with a port", "13.203.39.153:443"],
      ["an empty string", ""],
    ])("refuses a peer address that is %s", (_label, address) => {
      expect(senderIp(address, null, 0)).toBeNull();
    });
  });

  describe("behind trusted proxies", () => {
    const chain = "203.0.113.9, 13.203.39.153, 10.0.0.2";

    it("with one hop picks the rightmost X-Forwarded-For entry (what the proxy appended)", () => {
      expect(senderIp("10.0.0.1", chain, 1)).toBe("10.0.0.2");
      expect(senderIp("10.0.0.1", "13.126.9.249", 1)).toBe("13.126.9.249");
    });

    it("with two hops picks the entry before that", () => {
      expect(senderIp("10.0.0.1", chain, 2)).toBe("13.203.39.153");
    });

    it("can reach the leftmost entry when the hop count equals the entry count", () => {
      expect(senderIp("10.0.0.1", chain, 3)).toBe("203.0.113.9");
    });

    it("refuses when there are fewer entries than trusted hops", () => {
      for (const [forwardedFor, hops] of [
        [null, 1],
        ["13.203.39.153", 2],
        [chain, 4],
      ] as const) {
        const result = resolveSender(peer("10.0.0.1", forwardedFor), hops, trusted);
        expect(result).toEqual({ ok: false, ip: null, reason: "fewer forwarded addresses than TRUSTED_PROXY_HOPS" });
      }
    });

    it("refuses an empty X-Forwarded-For instead of treating it as no entries", () => {
      expect(senderIp("10.0.0.1", "", 1)).toBeNull();
    });

    it("tolerates spaces and tabs around entries", () => {
      expect(senderIp("10.0.0.1", "  203.0.113.9 ,\t13.203.39.153  ", 1)).toBe("13.203.39.153");
      expect(senderIp("10.0.0.1", "203.0.113.9,13.203.39.153", 2)).toBe("203.0.113.9");
    });

    it("canonicalises IPv4-mapped and IPv6 entries", () => {
      expect(senderIp("10.0.0.1", "::ffff:13.203.39.153", 1)).toBe("13.203.39.153");
      expect(senderIp("10.0.0.1", "2001:db8:0:0:0:0:0:42, 10.0.0.2", 2)).toBe("2001:db8::42");
    });

    it("refuses the request when an entry a trusted proxy wrote is not an address", () => {
      expect(senderIp("10.0.0.1", "13.203.39.153, garbage", 1)).toBeNull();
      expect(senderIp("10.0.0.1", "13.203.39.153, 203.0.113.9:1234", 1)).toBeNull();
      expect(senderIp("10.0.0.1", `garbage, 13.203.39.153`, 2)).toBeNull();
      expect(senderIp("not-an-ip", "13.203.39.153", 1)).toBeNull();
    });

    it("ignores what the client wrote left of the proxies' entries: no shared bucket for `unknown`", () => {
      expect(senderIp("10.0.0.1", "unknown, 13.203.39.153", 1)).toBe("13.203.39.153");
      expect(senderIp("10.0.0.1", `${"9".repeat(70)}, 203.0.113.9:1234, 13.203.39.153`, 1)).toBe("13.203.39.153");
    });
  });

  describe("from a peer that is not a trusted proxy", () => {
    it("takes the peer at its own address, whatever X-Forwarded-For says and however many hops are set", () => {
      expect(senderIp("198.51.100.7", "13.203.39.153", 1)).toBe("198.51.100.7");
      expect(senderIp("198.51.100.7", "203.0.113.9, 13.203.39.153", 2)).toBe("198.51.100.7");
      expect(senderIp("2001:db8::7", "13.203.39.153", 1)).toBe("2001:db8::7");
    });

    it("trusts a listed proxy also when it connects over IPv4-mapped IPv6", () => {
      expect(senderIp("::ffff:10.0.0.1", "13.203.39.153", 1)).toBe("13.203.39.153");
      expect(senderIp("::ffff:127.0.0.1", "13.203.39.153", 1)).toBe("13.203.39.153");
      expect(senderIp("::1", "13.203.39.153", 1)).toBe("13.203.39.153");
    });
  });
});

describe("TRUSTED_PROXIES", () => {
  it("reads addresses and CIDR ranges, and refuses anything else", () => {
    const match = trustedProxyMatcher(parseTrustedProxies(" 192.0.2.10, 2001:db8::/32 ")!);
    expect(match("192.0.2.10")).toBe(true);
    expect(match("192.0.2.11")).toBe(false);
    expect(match("2001:db8:5::1")).toBe(true);
    expect(match("2001:db9::1")).toBe(false);
    expect(match("127.0.0.1")).toBe(false);
    expect(parseTrustedProxies("192.0.2.10, proxy.example.com")).toBeNull();
    expect(parseTrustedProxies("10.0.0.0/33")).toBeNull();
  });
});
