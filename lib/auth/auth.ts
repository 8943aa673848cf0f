import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { getDb } from "@/db/client";
import * as schema from "@/db/schema";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { accessControl, authRoles } from "./access-control";
import { authSecret } from "./auth-secret";
import { PASSWORD_LENGTH } from "./password-policy";
import { passwordPolicyHook, recordPasswordChange } from "./auth-hooks";

/** The header better-auth reads the client's address from: set only by `withClientAddress`. */
const AUTH_CLIENT_IP_HEADER = "x-callboard-client-ip";

/**
 * Request headers as better-auth must see them: the client address Callboard resolved (lib/http/client-address.ts)
 * in the one header better-auth reads, whatever the client sent under that name.
 */
export function authHeaders(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete(AUTH_CLIENT_IP_HEADER);
  const address = clientAddress(headers);
  if (address) copy.set(AUTH_CLIENT_IP_HEADER, address);
  return copy;
}

const sameHostOrigins = (host: string | null | undefined) => (host ? [`http://${host}`, `https://${host}`] : []);

function createAuth() {
  const config = env();
  return betterAuth({
    appName: "Callboard",
    secret: authSecret(),
    // Without APP_URL, npm start's own address; the origin check below still accepts the host a browser used.
    baseURL: config.APP_URL ?? `http://localhost:${config.PORT}`,
    // Without APP_URL, a browser's Origin must name the host it sent the request to (as lib/http/same-origin.ts).
    trustedOrigins: config.APP_URL ? [] : (request) => sameHostOrigins(request?.headers.get("host")),
    database: drizzleAdapter(getDb(), {
      provider: "sqlite",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    emailAndPassword: {
      enabled: true,
      // Only admins create accounts (lib/auth/manage-users.ts); nobody signs themselves up.
      disableSignUp: true,
      // lib/auth/password-policy.ts (ASVS V2.1) is applied by passwordPolicyHook; these are better-auth's own bounds.
      minPasswordLength: PASSWORD_LENGTH.min,
      maxPasswordLength: PASSWORD_LENGTH.max,
      autoSignIn: false,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    plugins: [admin({ ac: accessControl, roles: authRoles, defaultRole: "recruiter", adminRoles: ["admin"] }), nextCookies()],
    advanced: {
      cookiePrefix: "callboard",
      // better-auth skips its Origin check when TEST or NODE_ENV=test is set; Callboard never wants that.
      disableOriginCheck: false,
      useSecureCookies: config.APP_URL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      // Only the address Callboard resolved (withClientAddress below); a client-sent header never names it.
      ipAddress: { ipAddressHeaders: [AUTH_CLIENT_IP_HEADER] },
    },
    // For the few endpoints app/api/auth/[...all]/route.ts lets through. Sign-in is limited by Callboard itself
    // (lib/auth/sign-in-throttle.ts), in SQLite, so that every way in shares one count.
    rateLimit: { enabled: true, storage: "memory", window: 60, max: 300 },
    hooks: { before: passwordPolicyHook, after: recordPasswordChange },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

// A development-reload singleton (as db/client.ts); in production one per module instance.
const devGlobal = globalThis as unknown as { callboardAuth?: Auth };
let instance: Auth | undefined;

/** Created on first use, like the database it sits on. */
export function getAuth(): Auth {
  if (process.env.NODE_ENV !== "development") return (instance ??= createAuth());
  return (devGlobal.callboardAuth ??= createAuth());
}
