import ipaddr from "ipaddr.js";

/**
 * What a per-address limit counts by: an IPv4 address as it is, an IPv6 address by its /64 (the block one
 * subscriber holds, so rotating within it does not escape). Null for anything that is not an address: a caller
 * refuses such a request (or keys it on something it trusts), never lumps it in with others.
 */
export function addressKey(address: string | null): string | null {
  if (!address || !ipaddr.isValid(address)) return null;
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv4") return ip.toString();
  const network = ipaddr.IPv6.networkAddressFromCIDR(`${ip.toString()}/64`);
  return `${network.toString()}/64`;
}
