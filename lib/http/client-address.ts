import { CLIENT_IP_HEADER } from "./client-ip-header";

/**
 * The client's address as Callboard's own server resolved it (TRUSTED_PROXY_HOPS), or null when it could not.
 * Every per-address limit reads it here.
 *
 * Replaced by the lead's vouched version at merge (a per-process secret proves that Callboard's server wrote
 * the stamp); until then this reads the header scripts/start.ts stamps, which it deletes from every request first.
 */
export function clientAddress(headers: Headers): string | null {
  return headers.get(CLIENT_IP_HEADER) || null;
}
