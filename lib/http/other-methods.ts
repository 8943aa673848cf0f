import { apiError } from "./api-error";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];
type Refusal = (request: Request) => Response;

/**
 * Next answers a method a route does not export with a bare 405: no body, no `Allow`. Every route file exports
 * these answers for the methods it does not serve, so that they keep the one JSON error shape:
 *
 *     export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
 *
 * OPTIONS comes along because Next's automatic one would count these refusals as allowed methods.
 */
export function otherMethods<const Allowed extends Method>(
  ...allowed: Allowed[]
): Record<Exclude<Method, Allowed> | "OPTIONS", Refusal> {
  const served: string[] = allowed;
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");
  const refuse: Refusal = (request) =>
    apiError("method_not_allowed", `${request.method} is not supported here; this endpoint allows ${allow}.`, {
      headers: { Allow: allow },
    });
  const refusals: Record<string, Refusal> = { OPTIONS: () => new Response(null, { status: 204, headers: { Allow: allow } }) };
  for (const method of METHODS) if (!served.includes(method)) refusals[method] = refuse;
  return refusals as Record<Exclude<Method, Allowed> | "OPTIONS", Refusal>;
}
