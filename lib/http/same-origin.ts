/**
 * Whether a state-changing request comes from this site. Browsers send Origin on every cross-site POST, PUT and
 * DELETE, so a foreign Origin (or `Sec-Fetch-Site: cross-site`) is refused before credentials are even read;
 * requests without either header are not from a browser form (machine clients authenticate with a token).
 */
export function isSameOrigin(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}
