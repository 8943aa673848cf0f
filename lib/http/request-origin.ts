import { env } from "@/lib/env";

const lastEntry = (value: string | null) => value?.split(",").at(-1)?.trim() || undefined;

/**
 * The host the client used: `X-Forwarded-Host` as Callboard's own proxy writes it — believed only with
 * TRUSTED_PROXY_HOPS ≥ 1, when the port is reachable through that proxy alone (docs/operations.md, "Deploy"); without a proxy
 * anyone could write that header — else `Host`.
 */
export function clientHost(headers: Headers): string | null {
  const forwarded = env().TRUSTED_PROXY_HOPS >= 1 ? lastEntry(headers.get("x-forwarded-host")) : undefined;
  return (forwarded || headers.get("host"))?.toLowerCase() ?? null;
}

/**
 * The origin links to this site are written with: APP_URL's when set; else the one the client used (Next's
 * `request.url` names the host Next was started with, not the one in the browser).
 */
export function siteOrigin(headers: Headers): string {
  const config = env();
  if (config.APP_URL) return new URL(config.APP_URL).origin;
  const proto = config.TRUSTED_PROXY_HOPS >= 1 ? lastEntry(headers.get("x-forwarded-proto")) : undefined;
  return `${proto === "https" ? "https" : "http"}://${clientHost(headers) ?? "localhost"}`;
}
