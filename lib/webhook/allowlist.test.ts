import { describe, expect, it } from "vitest";
import { BOLNA_DOCUMENTED_IPS, PROTOTYPE_IPS, buildAllowlist, isAllowed } from "./allowlist";
import { canonicalIp } from "./client-ip";

/** As the webhook does it: the sender's address is canonicalised before it is checked. */
function allows(spec: string | undefined, ip: string, allowLoopback = false): boolean {
  const canonical = canonicalIp(ip);
  if (!canonical) throw new Error(`test input ${ip} is not an address`);
  return isAllowed(canonical, buildAllowlist(spec, allowLoopback));
}

describe("the default allowlist", () => {
  it("lists Bolna's documented webhook addresses", () => {
    expect(BOLNA_DOCUMENTED_IPS).toEqual(["13.203.39.153", "13.126.9.249", "13.202.133.53"]);
  });

  it.each([...BOLNA_DOCUMENTED_IPS, ...PROTOTYPE_IPS])("allows %s", (ip) => {
    expect(allows(undefined, ip)).toBe(true);
  });

  it("keeps the prototype's list alongside the documented one", () => {
    expect(PROTOTYPE_IPS).toEqual([
      "13.200.45.61",
      "65.2.44.157",
      "34.194.233.253",
      "13.204.98.4",
      "43.205.31.43",
      "107.20.118.52",
    ]);
    expect(buildAllowlist(undefined, false).ranges).toHaveLength(BOLNA_DOCUMENTED_IPS.length + PROTOTYPE_IPS.length);
  });

  it("allows a documented address that arrives IPv4-mapped", () => {
    expect(allows(undefined, "::ffff:13.203.39.153")).toBe(true);
  });

  it.each(["13.232.85.9", "13.203.39.154", "13.203.39.152", "8.8.8.8", "10.0.0.1", "2001:db8::1"])("does not allow %s", (ip) => {
    expect(allows(undefined, ip)).toBe(false);
  });

  it("treats an empty spec as unset", () => {
    expect(allows("", "13.203.39.153")).toBe(true);
    expect(buildAllowlist("", false).ranges).toHaveLength(BOLNA_DOCUMENTED_IPS.length + PROTOTYPE_IPS.length);
  });
});

describe("a BOLNA_WEBHOOK_IPS spec", () => {
  it("replaces the default list rather than adding to it", () => {
    const spec = "198.51.100.7";
    expect(allows(spec, "198.51.100.7")).toBe(true);
    for (const ip of [...BOLNA_DOCUMENTED_IPS, ...PROTOTYPE_IPS]) expect(allows(spec, ip)).toBe(false);
  });

  it("accepts several comma-separated entries with spaces and empty items", () => {
    const spec = " 198.51.100.7 ,, 203.0.113.9,  ";
    expect(buildAllowlist(spec, false).ranges).toHaveLength(2);
    expect(allows(spec, "198.51.100.7")).toBe(true);
    expect(allows(spec, "203.0.113.9")).toBe(true);
    expect(allows(spec, "203.0.113.10")).toBe(false);
  });

  it("matches IPv4 CIDR ranges inclusively and nothing outside them", () => {
    const spec = "13.203.39.0/24";
    expect(allows(spec, "13.203.39.0")).toBe(true);
    expect(allows(spec, "13.203.39.153")).toBe(true);
    expect(allows(spec, "13.203.39.255")).toBe(true);
    expect(allows(spec, "13.203.40.0")).toBe(false);
    expect(allows(spec, "13.203.38.255")).toBe(false);
  });

  it("matches IPv6 CIDR ranges and exact IPv6 addresses", () => {
    const spec = "2001:db8:abcd::/48, 2001:db8::7";
    expect(allows(spec, "2001:db8:abcd:12::1")).toBe(true);
    expect(allows(spec, "2001:DB8:ABCD:FFFF:FFFF:FFFF:FFFF:FFFF")).toBe(true);
    expect(allows(spec, "2001:db8:abce::1")).toBe(false);
    expect(allows(spec, "2001:db8:0:0:0:0:0:7")).toBe(true);
    expect(allows(spec, "2001:db8::8")).toBe(false);
  });

  it("never matches an IPv4 sender against an IPv6 range or the reverse", () => {
    expect(allows("::/0", "13.203.39.153")).toBe(false);
    expect(allows("0.0.0.0/0", "2001:db8::1")).toBe(false);
    expect(allows("0.0.0.0/0", "13.203.39.153")).toBe(true);
  });

  it("reads an IPv4-mapped entry as the IPv4 address it carries", () => {
    expect(allows("::ffff:198.51.100.7", "198.51.100.7")).toBe(true);
    expect(allows("::ffff:198.51.100.7", "::ffff:198.51.100.7")).toBe(true);
  });

  it("reads an IPv4-mapped CIDR range as the IPv4 range it carries", () => {
    expect(allows("::ffff:198.51.100.0/120", "198.51.100.7")).toBe(true);
  });

  it.each([
    ["a word", "1.2.3.4, nope", "nope"],
    ["a hostname", "bolna.ai", "bolna.ai"],
    ["an address with a port", "13.203.39.153:443", "13.203.39.153:443"],
    ["a prefix that is too long", "10.0.0.0/33", "10.0.0.0/33"],
    ["a prefix that is not a number", "10.0.0.0/x", "10.0.0.0/x"],
    ["an octet over 255", " 1.2.3.256 ", "1.2.3.256"],
  ])("throws an Error naming the entry when it holds %s", (_label, spec, entry) => {
    expect(() => buildAllowlist(spec, false)).toThrowError(
      new Error(`BOLNA_WEBHOOK_IPS: "${entry}" is not an IP address or CIDR range`),
    );
  });
});

describe("loopback", () => {
  const loopbacks = ["127.0.0.1", "127.5.5.5", "::1", "::ffff:127.0.0.1"];

  it.each(loopbacks)("allows %s only when allowLoopback is true", (ip) => {
    expect(allows(undefined, ip, true)).toBe(true);
    expect(allows(undefined, ip, false)).toBe(false);
  });

  it.each(loopbacks)("refuses %s without allowLoopback even when the spec lists it", (ip) => {
    for (const spec of ["127.0.0.1, 127.5.5.5, ::1", "127.0.0.0/8, ::1/128", "0.0.0.0/0, ::/0"]) {
      expect(allows(spec, ip, false)).toBe(false);
    }
  });

  it("does not let allowLoopback open anything but loopback", () => {
    expect(allows("198.51.100.7", "198.51.100.8", true)).toBe(false);
    expect(allows("198.51.100.7", "198.51.100.7", true)).toBe(true);
  });
});
