/**
 * better-auth's error code (e.g. INVALID_EMAIL_OR_PASSWORD), or null when the error is not one of its API
 * errors. Read by shape: the route bundle and better-auth's internals can hold different copies of the class,
 * so `instanceof APIError` is not reliable.
 */
export function authErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("statusCode" in error) || !("body" in error)) return null;
  const body = (error as { body?: { code?: unknown } }).body;
  return typeof body?.code === "string" ? body.code : "";
}
