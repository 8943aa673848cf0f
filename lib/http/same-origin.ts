import { env } from "@/lib/env";
import { clientHost } from "./request-origin";

/** The host (or, with APP_URL, the origin) a browser on this site names in its Origin. */
function expected(headers: Headers): { origin: string } | { host: string } | null {
  const config = env();
  if (config.APP_URL) return { origin: new URL(config.APP_URL).origin };
  const host = clientHost(headers);
  return host ? { host } : null;
}

/**
 * Whether a state-changing request comes from this site. Browsers send Origin on every cross-site POST, PUT and
 * DELETE, so a foreign Origin (or `Sec-Fetch-Site: cross-site`) is refused before credentials are even read;
 * requests without either header are not from a browser form (machine clients authenticate with a token).
 */
export function isSameOrigin(request: Pick<Request, "headers">): boolean {
  const { headers } = request;
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  const site = expected(headers);
  try {
    const given = new URL(origin);
    if (!site) return false;
    return "origin" in site ? given.origin === site.origin : given.host === site.host;
  } catch {
    return false;
  }
}
