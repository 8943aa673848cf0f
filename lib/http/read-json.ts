import type { z } from "zod";
import { ApiError, validationError } from "./api-error";
import { readBodyCapped } from "./read-body";

const MAX_API_BODY = 256 * 1024;

/** For endpoints whose body is optional (a reason, say): no body at all is the empty object. */
export async function readOptionalJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const length = request.headers.get("content-length");
  if (!request.headers.get("content-type") && (length === null || length === "0")) {
    const parsed = schema.safeParse({});
    if (!parsed.success) throw validationError(parsed.error);
    return parsed.data;
  }
  return readJson(request, schema);
}

/** Reads and validates a JSON request body: 415 for another type, 413 past 256 KiB, 400 for bad JSON, 422 for bad fields. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  const body = await readBodyCapped(request, MAX_API_BODY);
  if (!body.ok) {
    throw body.reason === "too_large"
      ? new ApiError("payload_too_large", "The body is larger than 256 KiB.")
      : new ApiError("invalid_encoding", "The body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = body.text === "" ? {} : JSON.parse(body.text);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
