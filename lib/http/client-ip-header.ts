import type { IncomingHttpHeaders } from "node:http";
import { resolveSender } from "@/lib/webhook/client-ip";

/** The client's address as Callboard's own server resolved it (TRUSTED_PROXY_HOPS), for per-IP rate limits. */
export const CLIENT_IP_HEADER = "x-callboard-client-ip";

export function stampClientIp(headers: IncomingHttpHeaders, remoteAddress: string | undefined, hops: number): void {
  delete headers[CLIENT_IP_HEADER];
  if (!remoteAddress) return;
  const forwarded = headers["x-forwarded-for"];
  const forwardedFor = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null);
  const sender = resolveSender({ address: remoteAddress, forwardedFor }, hops);
  if (sender.ok) headers[CLIENT_IP_HEADER] = sender.ip;
}
