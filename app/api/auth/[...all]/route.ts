import { getDb } from "@/db/client";
import { authHeaders, getAuth } from "@/lib/auth/auth";
import { MAX_AUTH_BODY_BYTES, REACHABLE_AUTH_ENDPOINTS, reachableEndpoint } from "@/lib/auth/auth-endpoints";
import { signInInput, signInWithPassword } from "@/lib/auth/sign-in";
import { apiError } from "@/lib/http/api-error";
import { otherMethods } from "@/lib/http/other-methods";
import { readBytesCapped } from "@/lib/http/read-body";
import { isSameOrigin } from "@/lib/http/same-origin";

// better-auth's own answers keep its error shape, `{"code", "message"}` (docs/api.md).
const authAnswer = (status: number, code: string, message: string, headers?: HeadersInit) =>
  Response.json({ code, message }, { status, headers });

const notServed = (request: Request) => apiError("not_found", `${new URL(request.url).pathname} is not an endpoint of this API.`);

function refuseMethod(request: Request, endpoint: keyof typeof REACHABLE_AUTH_ENDPOINTS): Response | null {
  const allowed = REACHABLE_AUTH_ENDPOINTS[endpoint];
  if (request.method === allowed || (request.method === "HEAD" && allowed === "GET")) return null;
  const allow = allowed === "GET" ? "GET, HEAD, OPTIONS" : "OPTIONS, POST";
  return apiError("method_not_allowed", `${request.method} is not supported here; this endpoint allows ${allow}.`, {
    headers: { Allow: allow },
  });
}

/** The one sign-in path (lib/auth/sign-in.ts), with the same limits as the sign-in page. */
async function signIn(request: Request, body: Uint8Array): Promise<Response> {
  if (!isSameOrigin(request)) return authAnswer(403, "INVALID_ORIGIN", "Sign-in from another site is refused.");
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return authAnswer(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return authAnswer(400, "INVALID_REQUEST_BODY", "The body is not UTF-8 JSON.");
  }
  const input = signInInput.safeParse(json);
  if (!input.success)
    return authAnswer(400, "VALIDATION_ERROR", input.error.issues[0]?.message ?? "Send an email and a password.");
  const outcome = await signInWithPassword(getDb(), input.data, request.headers);
  if (outcome.ok) return Response.json({ user: outcome.user });
  const retry = outcome.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(outcome.retryAfterSeconds) };
  return authAnswer(outcome.status, outcome.code, outcome.message, retry);
}

/**
 * better-auth's endpoints, only those Callboard uses (lib/auth/auth-endpoints.ts), and bodies capped at 16 KiB
 * before anything parses them: better-auth would otherwise read a body of any size into memory.
 */
async function serve(request: Request): Promise<Response> {
  const endpoint = reachableEndpoint(request.url);
  if (!endpoint) return notServed(request);
  const refused = refuseMethod(request, endpoint);
  if (refused) return refused;
  if (request.method !== "POST") return getAuth().handler(new Request(request.url, { headers: authHeaders(request.headers) }));
  const body = await readBytesCapped(request, MAX_AUTH_BODY_BYTES);
  if (!body.ok) return apiError("payload_too_large", `The body is larger than ${MAX_AUTH_BODY_BYTES / 1024} KiB.`);
  if (endpoint === "/sign-in/email") return signIn(request, body.bytes);
  const headers = authHeaders(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return getAuth().handler(new Request(request.url, { method: "POST", headers, body: body.bytes }));
}

export const GET = serve;
export const POST = serve;
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
