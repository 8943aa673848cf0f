import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/**
 * Route handlers cannot see the TCP peer, and `next start` trusts a client-sent X-Forwarded-For. Callboard's
 * own server (scripts/start.ts) therefore stamps every request with the peer address under an internal header,
 * after deleting any copy a client sent. The stamp carries a nonce that lives only in this process's memory, so
 * a server started any other way never has a valid stamp and the webhook fails closed.
 */
export const PEER_HEADER = "x-callboard-peer";
const NONCE = Symbol.for("callboard.peerNonce");

type WithNonce = typeof globalThis & { [NONCE]?: string };

export function installPeerNonce(): void {
  (globalThis as WithNonce)[NONCE] ??= crypto.randomBytes(24).toString("hex");
}

/**
 * Server side: replaces whatever the client sent with the real peer address and the X-Forwarded-For exactly as
 * it arrived (Next fills that header from the socket when it is absent, which would invent a proxy hop).
 */
export function stampPeer(headers: IncomingHttpHeaders, remoteAddress: string | undefined): void {
  delete headers[PEER_HEADER];
  const nonce = (globalThis as WithNonce)[NONCE];
  if (!nonce || !remoteAddress) return;
  const forwarded = headers["x-forwarded-for"];
  const chain = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  // "-": no header at all; "=…": the header as sent, even when empty.
  headers[PEER_HEADER] = `${nonce} ${remoteAddress} ${chain === undefined ? "-" : `=${encodeURIComponent(chain)}`}`;
}

export type Peer = { address: string; forwardedFor: string | null };

/** Route side: what the server saw, or null when the stamp is missing or was not made by this process. */
export function readPeer(headers: Headers): Peer | null {
  const nonce = (globalThis as WithNonce)[NONCE];
  const stamp = headers.get(PEER_HEADER);
  if (!nonce || !stamp) return null;
  const [given, address, forwarded] = stamp.split(" ");
  if (!given || !address || !forwarded) return null;
  const givenBytes = Buffer.from(given);
  const nonceBytes = Buffer.from(nonce);
  if (givenBytes.length !== nonceBytes.length || !crypto.timingSafeEqual(givenBytes, nonceBytes)) return null;
  if (forwarded !== "-" && !forwarded.startsWith("=")) return null;
  try {
    return { address, forwardedFor: forwarded === "-" ? null : decodeURIComponent(forwarded.slice(1)) };
  } catch {
    return null;
  }
}
