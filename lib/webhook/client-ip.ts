import ipaddr from "ipaddr.js";

/** The TCP peer as the server saw it, and the X-Forwarded-For header exactly as it arrived (null: none). */
export type Peer = { address: string; forwardedFor: string | null };

export type Sender = { ok: true; ip: string } | { ok: false; ip: string | null; reason: string };

// An IPv6 address may end in a dotted quad only in the IPv4-mapped form (`::ffff:a.b.c.d`). ipaddr.js also reads
// the deprecated IPv4-compatible `::a.b.c.d` as mapped, which would make it pass for the IPv4 address it carries.
const DOTTED_TAIL = /\.\d+$/;
const MAPPED_DOTTED = /^(::|(0{1,4}:){5})ffff:\d{1,3}(\.\d{1,3}){3}$/i;

/**
 * Canonical text of an address, with IPv4-mapped IPv6 (`::ffff:1.2.3.4`) read as the IPv4 it carries. Only the
 * forms a socket or a proxy writes are addresses: dotted-quad IPv4 (no `127.1`, `0x7f.1` or octal shorthands),
 * IPv6 without a zone (`%eth0`), and a dotted quad inside IPv6 only after `::ffff:`. The unspecified addresses
 * (`0.0.0.0`, `::`) are no sender.
 */
export function canonicalIp(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 64) return null;
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) ip = ipaddr.IPv4.parse(trimmed);
  else if (trimmed.includes(":") && !trimmed.includes("%") && ipaddr.IPv6.isValid(trimmed)) {
    if (DOTTED_TAIL.test(trimmed) && !MAPPED_DOTTED.test(trimmed)) return null;
    const v6 = ipaddr.IPv6.parse(trimmed);
    ip = v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
  } else return null;
  return ip.range() === "unspecified" ? null : ip.toString();
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
