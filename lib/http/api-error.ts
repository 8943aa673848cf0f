import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "./error-codes";

export type { ErrorCode } from "./error-codes";

type ErrorOptions = { headers?: HeadersInit; field?: string };

/**
 * The one error shape of every route handler: `{"error": {"code", "message"}}` (plus `field` for bad input), with
 * the HTTP status that lib/http/error-codes.ts gives the code.
 */
export function apiError(code: ErrorCode, message: string, options: ErrorOptions = {}): Response {
  const { field, headers } = options;
  return Response.json({ error: field ? { code, message, field } : { code, message } }, { status: ERROR_STATUS[code], headers });
}

/**
 * Thrown by domain code for an answer the client should see; anything else is a 500 without details. A limit
 * says when to try again (`retryAfterSeconds`: the answer's Retry-After).
 */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} was not found.`);

/** A zod failure as a 422 that names the first bad field. */
export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  // An unknown field has an empty path: the field is the key that was not expected.
  const field = (issue?.code === "unrecognized_keys" ? issue.keys[0] : issue?.path.join(".")) || undefined;
  const message = issue ? `${field ? `${field}: ` : ""}${issue.message}` : "The request is not valid.";
  return new ApiError("validation_failed", message, field);
}

export function errorResponse(error: ApiError): Response {
  const headers = error.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(error.retryAfterSeconds) };
  return apiError(error.code, error.message, { field: error.field, headers });
}
