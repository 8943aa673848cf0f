import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Loopback, IPv4 and IPv6: a proxy on the same host. */
export const DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1/128";

function parseRange(text: string): Range | null {
  const entry = text.trim();
  try {
    if (entry.includes("/")) return ipaddr.parseCIDR(entry);
    const ip = ipaddr.parse(entry);
    return [ip, ip.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

/** The ranges of a TRUSTED_PROXIES value (addresses or CIDRs, comma-separated), or null when one is unreadable. */
export function parseTrustedProxies(value: string): Range[] | null {
  const ranges = value
    .split(",")
    .filter((entry) => entry.trim() !== "")
    .map(parseRange);
  return ranges.every((range) => range !== null) ? (ranges as Range[]) : null;
}

/** Whether a canonical address (lib/webhook/client-ip.ts canonicalIp) lies in one of the ranges. */
export function trustedProxyMatcher(ranges: Range[]): (ip: string) => boolean {
  return (text) => {
    if (!ipaddr.isValid(text)) return false;
    const ip = ipaddr.process(text);
    return ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
  };
}
