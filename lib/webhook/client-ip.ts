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
 * The sender: the TCP peer itself, unless the peer is a trusted proxy (`isTrustedProxy`, TRUSTED_PROXIES) and
 * `hops` ≥ 1; then the address `hops` places from the right of the chain "X-Forwarded-For entries, then the peer"
 * (Express's `trust proxy`, nginx's `set_real_ip_from`). A peer that is not a trusted proxy is taken at its own
 * address, whatever it writes. Only the entries the trusted proxies wrote (the sender's and those right of it)
 * are read, and each must be an address, or the request is refused; what the client wrote left of them is its
 * own business and never names anyone (a corporate proxy's `unknown` does not lump its users together).
 */
export function resolveSender(peer: Peer | null, hops: number, isTrustedProxy: (ip: string) => boolean): Sender {
  if (!peer) return { ok: false, ip: null, reason: "the TCP peer is unknown" };
  const address = canonicalIp(peer.address);
  if (!address) return { ok: false, ip: null, reason: "the TCP peer is not an IP address" };
  if (hops === 0 || !isTrustedProxy(address)) return { ok: true, ip: address };
  return senderFromForwarded(peer.forwardedFor, hops);
}

/**
 * With the proxy as the peer: the entry `hops` places from the right of "entries, then the peer", i.e. the
 * hops-th entry from the right; it and the entries right of it must be addresses.
 */
export function senderFromForwarded(forwardedFor: string | null, hops: number): Sender {
  const entries = forwardedFor === null ? [] : forwardedFor.split(",");
  if (entries.length < hops) return { ok: false, ip: null, reason: "fewer forwarded addresses than TRUSTED_PROXY_HOPS" };
  const counted = entries.slice(entries.length - hops).map(canonicalIp);
  if (counted.some((ip) => ip === null)) {
    return { ok: false, ip: null, reason: "an X-Forwarded-For entry written by a trusted proxy is not an IP address" };
  }
  return { ok: true, ip: counted[0]! };
}
