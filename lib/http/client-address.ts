import { CLIENT_IP_HEADER } from "./client-ip-header";

/**
 * The client's address as Callboard's own server resolved it (TRUSTED_PROXY_HOPS), or null when unknown.
 * PLACEHOLDER for issue #14, replaced by the lead's version at merge: it reads the header scripts/start.ts stamps.
 */
export function clientAddress(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER);
}
