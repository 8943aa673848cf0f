import { ApiError, type ErrorCode } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { BolnaError } from "./bolna-errors";

/**
 * A failed Bolna request as Callboard's API answers it (docs/domain.md, "Calls"): the message is the BolnaError's
 * sentence for a recruiter; Bolna's own words go to the log only.
 *
 * | Bolna failure                         | HTTP | code                        |
 * |---------------------------------------|------|-----------------------------|
 * | wallet balance too low                | 402  | bolna_insufficient_balance  |
 * | phone number refused                  | 422  | bolna_invalid_number        |
 * | execution unknown (GET /executions)   | 404  | bolna_not_found             |
 * | anything else (key, 429, 5xx, timeout, unreadable reply, other refusals) | 502 | bolna_error |
 */
/** An ApiError that keeps the BolnaError it came from. */
export class BolnaApiError extends ApiError {
  constructor(
    code: ErrorCode,
    readonly bolna: BolnaError,
    field?: string,
  ) {
    super(code, bolna.message, field);
  }
}

export type BolnaOperation = "place call" | "fetch execution" | "stop call";

function bolnaApiError(error: BolnaError, operation: BolnaOperation): BolnaApiError {
  log().warn(
    { kind: error.kind, status: error.status, detail: error.detail, mayHavePlacedCall: error.mayHavePlacedCall },
    `Bolna ${operation} failed`,
  );
  if (error.mayHavePlacedCall) return new BolnaApiError("bolna_error", error);
  switch (error.kind) {
    case "insufficient_balance":
      return new BolnaApiError("bolna_insufficient_balance", error);
    case "invalid_number":
      return new BolnaApiError("bolna_invalid_number", error, "phone");
    case "not_found":
      // For POST /call a 404 means the configured agent is unknown: Callboard's fault, not the client's.
      return new BolnaApiError(operation === "place call" ? "bolna_error" : "bolna_not_found", error);
    default:
      return new BolnaApiError("bolna_error", error);
  }
}

/** Runs a Bolna request, turning a BolnaError into the ApiError above. */
export async function withBolnaErrors<T>(operation: BolnaOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BolnaError) throw bolnaApiError(error, operation);
    throw error;
  }
}
