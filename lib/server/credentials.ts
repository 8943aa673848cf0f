import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const SESSION_COOKIES = ["callboard.session_token", "__Secure-callboard.session_token"];

function equal(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(a).digest();
  const y = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const equals = part.indexOf("=");
    if (equals > 0 && part.slice(0, equals).trim() === name) return part.slice(equals + 1).trim();
  }
  return null;
}

/** better-auth signs its session cookie as `<token>.<base64 HMAC-SHA256 of the token>`, URL-encoded. */
function signedByUs(value: string, secret: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  const dot = decoded.lastIndexOf(".");
  if (dot <= 0) return false;
  const expected = crypto.createHmac("sha256", secret).update(decoded.slice(0, dot)).digest("base64");
  return equal(decoded.slice(dot + 1), expected);
}

/**
 * Whether a request carries a credential Callboard issued: a session cookie signed with the auth secret, the API
 * token, or the agent's tool token (Bolna's requests while a candidate is on the line). Checked by npm start's server before a request reaches Next, without the database: a stale session
 * still counts (it was issued to someone with an account), a made-up one does not. Route handlers still check
 * the session and the permission themselves.
 */
export function hasCredentials(
  headers: IncomingHttpHeaders,
  secrets: { authSecret: string; apiToken?: string; agentToken?: string },
): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization?.trim() ?? "")?.[1];
  if (bearer && [secrets.apiToken, secrets.agentToken].some((token) => token !== undefined && equal(bearer, token))) {
    return true;
  }
  return SESSION_COOKIES.some((name) => {
    const value = cookie(headers.cookie, name);
    return value !== null && signedByUs(value, secrets.authSecret);
  });
}
