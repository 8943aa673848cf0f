/**
 * The better-auth endpoints Callboard's browser UI and its documented clients use; app/api/auth/[...all] answers
 * every other path (sign-up, the admin plugin's user and role endpoints, impersonation, …) with a JSON 404, so
 * that users and roles change only through /api/users and the Users page, under Callboard's rules and audit.
 */
export const REACHABLE_AUTH_ENDPOINTS = {
  "/sign-in/email": "POST",
  "/sign-out": "POST",
  "/change-password": "POST",
  "/get-session": "GET",
} as const satisfies Record<string, "GET" | "POST">;

/** Request bodies of /api/auth/*: an email, a password or two, and JSON punctuation fit many times over. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/** The endpoint a request names (`/sign-in/email`), or null when it is not one Callboard lets through. */
export function reachableEndpoint(url: string): keyof typeof REACHABLE_AUTH_ENDPOINTS | null {
  const path = new URL(url).pathname.replace(/^\/api\/auth(?=\/)/, "");
  return Object.hasOwn(REACHABLE_AUTH_ENDPOINTS, path) ? (path as keyof typeof REACHABLE_AUTH_ENDPOINTS) : null;
}
