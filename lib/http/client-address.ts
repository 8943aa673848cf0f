import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { env } from "@/lib/env";
import { canonicalIp, resolveSender, senderFromForwarded, type Sender } from "@/lib/webhook/client-ip";

/**
 * Route handlers cannot see the TCP peer, and a bare `next start` keeps whatever `X-Forwarded-For` a client
 * wrote. So `npm start`'s server (scripts/start.ts), which sees the socket, resolves the client's address itself
 * (the peer, or with TRUSTED_PROXY_HOPS from the `X-Forwarded-For` of a peer in TRUSTED_PROXIES) and hands it to
 * Next in this header, vouched for by a
 * secret that exists only in that process's memory and environment (CALLBOARD_PEER_SECRET, made at start). A
 * client-sent copy of the header is always replaced, so a client can neither forge nor replay it.
 */
export const PEER_HEADER = "x-callboard-peer";

const REFUSED = "!";

/** npm start's server: replaces any client-sent stamp with what it resolved from the socket. */
export function stampPeer(headers: IncomingHttpHeaders, sender: Sender, secret: string): void {
  headers[PEER_HEADER] = `${secret} ${sender.ok ? sender.ip : `${REFUSED}${encodeURIComponent(sender.reason)}`}`;
}

/** npm start's server: the request's client, from its socket and headers (lib/webhook/client-ip.ts). */
export function resolvePeer(headers: IncomingHttpHeaders, remoteAddress: string | undefined): Sender {
  const config = env();
  const forwarded = headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null);
  return remoteAddress
    ? resolveSender({ address: remoteAddress, forwardedFor }, config.TRUSTED_PROXY_HOPS, config.isTrustedProxy)
    : { ok: false, ip: null, reason: "the TCP peer is unknown" };
}

function vouchedBy(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Who sent this request, as far as Callboard can trust it:
 * - under `npm start` (a peer secret is set), only the server's stamp counts;
 * - in a process started otherwise (`next start`, the standalone `server.js`), with TRUSTED_PROXY_HOPS=N ≥ 1 the
 *   sender is read from `X-Forwarded-For` with the proxy as the (unseen) TCP peer: the entry N places from the
 *   right of "entries, then the peer", i.e. the N-th entry from the right. That is only sound when the port is
 *   reachable through the proxy alone (README "Deploy");
 * - with TRUSTED_PROXY_HOPS=0 such a process cannot know the sender at all: `unavailable` is set, and the webhook
 *   answers 503 so that Bolna retries once the right server is back (fail closed).
 */
export function resolveClient(headers: Headers): Sender & { unavailable?: true } {
  const config = env();
  const secret = config.CALLBOARD_PEER_SECRET;
  if (secret) {
    const stamp = headers.get(PEER_HEADER);
    const space = stamp?.indexOf(" ") ?? -1;
    if (!stamp || space < 0 || !vouchedBy(stamp.slice(0, space), secret)) {
      return { ok: false, ip: null, reason: "the request did not come through Callboard's server" };
    }
    const value = stamp.slice(space + 1);
    if (value.startsWith(REFUSED)) return { ok: false, ip: null, reason: decodeURIComponent(value.slice(REFUSED.length)) };
    const ip = canonicalIp(value);
    return ip ? { ok: true, ip } : { ok: false, ip: null, reason: "the server's stamp is unreadable" };
  }
  const hops = config.TRUSTED_PROXY_HOPS;
  if (hops === 0) {
    return { ok: false, ip: null, reason: "this process cannot see the TCP peer (start it with npm start)", unavailable: true };
  }
  // The proxy is the (unseen) peer.
  return senderFromForwarded(headers.get("x-forwarded-for"), hops);
}

/** The client's address for per-address limits and logs, or null when it cannot be trusted. */
export function clientAddress(headers: Headers): string | null {
  const client = resolveClient(headers);
  return client.ok ? client.ip : null;
}
