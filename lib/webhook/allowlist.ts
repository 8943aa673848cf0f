import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

/** Bolna's documented webhook sources (reference §2). */
export const BOLNA_DOCUMENTED_IPS = ["13.203.39.153", "13.126.9.249", "13.202.133.53"];
/** The prototype's list, kept so that an existing Bolna setup keeps working. */
export const PROTOTYPE_IPS = ["13.200.45.61", "65.2.44.157", "34.194.233.253", "13.204.98.4", "43.205.31.43", "107.20.118.52"];

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
export type Allowlist = { ranges: Range[]; allowLoopback: boolean };

function parseEntry(entry: string): Range {
  const value = entry.trim();
  if (value.includes("/")) {
    const [network, bits] = ipaddr.parseCIDR(value);
    // Senders are compared as IPv4 when they are IPv4-mapped, so mapped ranges must be too.
    if (network.kind() === "ipv6" && (network as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
      return [(network as ipaddr.IPv6).toIPv4Address(), bits - 96];
    }
    return [network, bits];
  }
  const address = ipaddr.process(value);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

/** `BOLNA_WEBHOOK_IPS` (addresses or CIDR ranges, comma-separated) replaces the default list. */
export function buildAllowlist(spec: string | undefined, allowLoopback: boolean): Allowlist {
  const entries = spec ? spec.split(",").filter((entry) => entry.trim() !== "") : [...BOLNA_DOCUMENTED_IPS, ...PROTOTYPE_IPS];
  if (entries.length === 0) throw new Error("BOLNA_WEBHOOK_IPS lists no address; unset it to use the default list");
  return {
    ranges: entries.map((entry) => {
      try {
        return parseEntry(entry);
      } catch {
        throw new Error(`BOLNA_WEBHOOK_IPS: "${entry.trim()}" is not an IP address or CIDR range`);
      }
    }),
    allowLoopback,
  };
}

/** Loopback is decided by WEBHOOK_ALLOW_LOOPBACK alone, so a list entry cannot open it by accident. */
export function isAllowed(ip: string, allowlist: Allowlist): boolean {
  const address = ipaddr.process(ip);
  if (address.range() === "loopback") return allowlist.allowLoopback;
  return allowlist.ranges.some(([network, bits]) => address.kind() === network.kind() && address.match(network, bits));
}

let configured: Allowlist | undefined;

/** The webhook's sender rule with this process's configuration (BOLNA_WEBHOOK_IPS, WEBHOOK_ALLOW_LOOPBACK). */
export function isAllowedSender(ip: string): boolean {
  const config = env();
  configured ??= buildAllowlist(config.BOLNA_WEBHOOK_IPS, config.WEBHOOK_ALLOW_LOOPBACK);
  return isAllowed(ip, configured);
}
