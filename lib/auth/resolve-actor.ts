import crypto from "node:crypto";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { getAuth } from "./auth";
import { isRole } from "./permissions";

const digest = (value: string) => crypto.createHash("sha256").update(value).digest();

/** Constant-time: both sides are hashed to the same length first, so neither length nor content leaks. */
function tokenMatches(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who sent the request: `Authorization: Bearer <API_TOKEN>` acts as admin; otherwise the better-auth session
 * cookie. A wrong token is not silently downgraded to the cookie: it is nobody.
 */
export async function resolveActor(headers: Headers): Promise<Actor | null> {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1];
    const expected = env().API_TOKEN;
    return token && expected && tokenMatches(token, expected)
      ? { kind: "token", id: "api-token", label: "api-token", role: "admin" }
      : null;
  }
  const session = await getAuth().api.getSession({ headers });
  if (!session || session.user.banned || !isRole(session.user.role)) return null;
  return { kind: "user", id: session.user.id, label: session.user.email, role: session.user.role };
}
