import ipaddr from "ipaddr.js";

/** The TCP peer as the server saw it, and the X-Forwarded-For header exactly as it arrived (null: none). */
export type Peer = { address: string; forwardedFor: string | null };

export type Sender = { ok: true; ip: string } | { ok: false; ip: string | null; reason: string };

/** Canonical text of an address, with IPv4-mapped IPv6 (`::ffff:1.2.3.4`) read as the IPv4 it carries. */
export function canonicalIp(value: string): string | null {
  const trimmed = value.trim();
  // Only dotted-quad IPv4 or IPv6: inet_aton's shorthands ("127.1", "0x7f.1", octal) are not addresses here.
  if (!trimmed || trimmed.length > 64) return null;
  if (!ipaddr.IPv4.isValidFourPartDecimal(trimmed) && !(trimmed.includes(":") && ipaddr.IPv6.isValid(trimmed))) return null;
  try {
    return ipaddr.process(trimmed).toString();
  } catch {
    return null;
  }
}

/**
 * The sender is the address `hops` places from the right of the chain "X-Forwarded-For entries, then the TCP
 * peer": with no trusted proxy it is the peer itself, so a client-written header can never choose it. Every
 * entry must be an address; anything else in the chain means someone is tampering, and the request is refused.
 */
export function resolveSender(peer: Peer | null, hops: number): Sender {
  if (!peer) return { ok: false, ip: null, reason: "the TCP peer is unknown" };
  const entries = peer.forwardedFor === null ? [] : peer.forwardedFor.split(",");
  const chain: string[] = [];
  for (const entry of [...entries, peer.address]) {
    const ip = canonicalIp(entry);
    if (!ip) return { ok: false, ip: null, reason: "an X-Forwarded-For entry is not an IP address" };
    chain.push(ip);
  }
  const sender = chain[chain.length - 1 - hops];
  if (!sender) return { ok: false, ip: null, reason: "fewer forwarded addresses than TRUSTED_PROXY_HOPS" };
  return { ok: true, ip: sender };
}
