import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";

describe("addressKey", () => {
  it("keeps IPv4 as it is and counts IPv6 by its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("has no key for what is not an address, so nobody shares an 'unknown' one", () => {
    expect(addressKey(null)).toBeNull();
    expect(addressKey("unknown")).toBeNull();
    expect(addressKey("not an address")).toBeNull();
  });
});
