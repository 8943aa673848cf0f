import { z } from "zod";

/** The one error shape of every route handler: `{"error": {"code", "message"}}` (plus `field` for bad input). */
export function apiError(status: number, code: string, message: string, headers?: HeadersInit, field?: string): Response {
  return Response.json({ error: field ? { code, message, field } : { code, message } }, { status, headers });
}

/** Thrown by domain code for an answer the client should see; anything else is a 500 without details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} was not found.`);

/** A zod failure as a 422 that names the first bad field. */
export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const message = issue ? `${field ? `${field}: ` : ""}${issue.message}` : "The request is not valid.";
  return new ApiError(422, "validation_failed", message, field);
}

export function errorResponse(error: ApiError): Response {
  return apiError(error.status, error.code, error.message, undefined, error.field);
}
