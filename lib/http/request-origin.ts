/**
 * The origin the client used (`X-Forwarded-Proto` / `X-Forwarded-Host` from the proxy, else `Host`): Next's
 * `request.url` names the host Next was started with, not the one in the browser. For links sent out when
 * APP_URL is not set.
 */
export function originOf(headers: Headers, fallback: URL): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? fallback.host;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || fallback.protocol.replace(/:$/, "");
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

export function requestOrigin(request: Request): string {
  return originOf(request.headers, new URL(request.url));
}
