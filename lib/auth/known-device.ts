import crypto from "node:crypto";
import { env } from "@/lib/env";
import { authSecret } from "./auth-secret";

/**
 * A browser that signed in to an account before carries a signed "known device" cookie for it (OWASP's device
 * cookies against lockout abuse): its failures count on their own, and the account-wide lock that strangers can
 * trigger (lib/auth/sign-in-throttle.ts) never holds it. The cookie says nothing secret and grants nothing by
 * itself: a password is still needed.
 */
export const KNOWN_DEVICE_COOKIE = "callboard.known_device";
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;
const MAX_COOKIE_LENGTH = 128;

const signature = (email: string, id: string) =>
  crypto.createHmac("sha256", authSecret()).update(`known-device\n${email}\n${id}`).digest("base64url");

/** The device id the cookie names, when it was issued to this (normalised) email; else null. */
export function knownDevice(cookie: string | undefined, email: string): string | null {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return null;
  const [id, given, extra] = cookie.split(".");
  if (!id || !given || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  const expected = Buffer.from(signature(email, id));
  const actual = Buffer.from(given);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected) ? id : null;
}

/** The cookie to set after a successful sign-in: the same device id when the browser had one. */
export function knownDeviceCookie(email: string, device: string | null) {
  const id = device ?? crypto.randomBytes(16).toString("base64url");
  return {
    name: KNOWN_DEVICE_COOKIE,
    value: `${id}.${signature(email, id)}`,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: env().APP_URL?.startsWith("https://") ?? false,
      path: "/",
      maxAge: MAX_AGE_SECONDS,
    },
  };
}
