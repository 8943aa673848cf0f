import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { addressKey } from "@/lib/http/address-key";
import { clientAddress } from "@/lib/http/client-address";
import { authHeaders, getAuth } from "./auth";
import { authErrorCode } from "./auth-error";
import { KNOWN_DEVICE_COOKIE, knownDevice, knownDeviceCookie } from "./known-device";
import { chargeSignIn, normaliseEmail, settleSuccess, type SignInRefusal } from "./sign-in-throttle";

/** Bounded before anything else reads them: nothing longer reaches a counter or the database. */
export const signInInput = z.object({
  email: z.string().trim().max(254, "Enter your email address").pipe(z.email("Enter your email address")),
  // Accounts made before the password policy may have 10-character passwords: only setting one applies the new policy.
  password: z.string().min(1, "Enter your password").max(128, "Wrong email or password."),
});
type SignInInput = z.infer<typeof signInInput>;

type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | {
      ok: false;
      status: 400 | 401 | 403 | 429;
      code: "INVALID_EMAIL_OR_PASSWORD" | "BANNED_USER" | "ACCOUNT_LOCKED" | "TOO_MANY_REQUESTS" | "CLIENT_ADDRESS_UNKNOWN";
      message: string;
      retryAfterSeconds?: number;
    };

const inMinutes = (seconds: number) => (seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`);

function refused(refusal: SignInRefusal): SignInOutcome {
  const wait = inMinutes(refusal.retryAfterSeconds);
  const base = { ok: false as const, status: 429 as const, retryAfterSeconds: refusal.retryAfterSeconds };
  switch (refusal.reason) {
    case "address":
      return {
        ...base,
        code: "TOO_MANY_REQUESTS",
        message: `Too many sign-in attempts from your address. Try again in ${wait}.`,
      };
    case "client":
      return {
        ...base,
        code: "ACCOUNT_LOCKED",
        message: `Too many failed attempts for this account from here. Try again in ${wait}, or ask an admin to unlock it.`,
      };
    case "account":
      return {
        ...base,
        code: "ACCOUNT_LOCKED",
        message: `This account is locked for new browsers after many failed attempts. Sign in from a browser you used before, try again in ${wait}, or ask an admin to unlock it.`,
      };
  }
}

/**
 * The one way to sign in, for the sign-in page's server action and for `POST /api/auth/sign-in/email` alike:
 * the limits of lib/auth/sign-in-throttle.ts are charged first (shared through SQLite), then better-auth checks
 * the password and sets the session cookie, and a browser that succeeded is remembered as a known device.
 */
export async function signInWithPassword(db: Db, input: SignInInput, requestHeaders: Headers): Promise<SignInOutcome> {
  const email = normaliseEmail(input.email);
  // Without an address there is nothing to count by: refused, never counted in a bucket shared with others.
  const address = addressKey(clientAddress(requestHeaders));
  if (!address) {
    return {
      ok: false,
      status: 400,
      code: "CLIENT_ADDRESS_UNKNOWN",
      message:
        "Callboard cannot tell which address this request came from, so it cannot sign you in. Ask the administrator to check the proxy settings.",
    };
  }
  const cookieStore = await cookies();
  const attempt = { email, address, device: knownDevice(cookieStore.get(KNOWN_DEVICE_COOKIE)?.value, email) };
  const refusal = chargeSignIn(db, attempt);
  if (refusal) return refused(refusal);
  let user: { id: string; email: string; name: string };
  try {
    ({ user } = await getAuth().api.signInEmail({
      headers: authHeaders(requestHeaders),
      body: { email, password: input.password },
    }));
  } catch (error) {
    const code = authErrorCode(error);
    if (code === null) throw error;
    if (code === "BANNED_USER") {
      return { ok: false, status: 403, code, message: "This account has been deactivated. Ask an admin." };
    }
    return { ok: false, status: 401, code: "INVALID_EMAIL_OR_PASSWORD", message: "Wrong email or password." };
  }
  settleSuccess(db, attempt);
  const device = knownDeviceCookie(email, attempt.device);
  cookieStore.set(device.name, device.value, device.options);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
