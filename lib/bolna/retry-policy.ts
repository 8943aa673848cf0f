/** How one attempt at a Bolna request failed. */
export type FailedAttempt =
  { kind: "response"; status: number; text: string; retryAfter: string | null } | { kind: "exception"; error: unknown };

const BASE_DELAY_MS = 300;
const MAX_BACKOFF_MS = 5_000;
/** A longer Retry-After is not waited out: a recruiter is watching a button, so the error is shown instead. */
const MAX_RETRY_AFTER_MS = 10_000;

// Refused before a connection existed: the request never reached Bolna.
const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === "object" && cause !== null && "code" in cause && NEVER_SENT_CODES.has(String(cause.code));
}

/**
 * Whether Bolna may have carried the request out despite the failure. 429 and 503 are refusals at the door and
 * other 4xx are validation failures. A 500 means the handler ran and failed at an unknown point, a 502 that the
 * gateway lost Bolna mid-request, a 504 or a client timeout that someone stopped waiting while Bolna may have
 * gone on placing the call.
 */
export function mayHaveActed(failure: FailedAttempt): boolean {
  if (failure.kind === "exception") return !neverSent(failure.error);
  return failure.status >= 500 && failure.status !== 503;
}

/**
 * Transient failures are retried, but POST /call only when Bolna certainly did not act: it is not idempotent,
 * and repeating a request that Bolna did carry out would ring the candidate twice. A recruiter retrying after
 * reading "the candidate may still be called" is the better failure.
 */
export function shouldRetry(failure: FailedAttempt, idempotent: boolean): boolean {
  const transient = failure.kind === "exception" || failure.status === 429 || failure.status >= 500;
  return transient && (idempotent || !mayHaveActed(failure));
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date), or null when absent or unreadable. */
function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before retry number `attempt + 1`, or null when the server asked for longer than is worth waiting. */
export function retryDelayMs(failure: FailedAttempt, attempt: number, random = Math.random): number | null {
  const retryAfter = failure.kind === "response" ? parseRetryAfter(failure.retryAfter) : null;
  if (retryAfter !== null) return retryAfter > MAX_RETRY_AFTER_MS ? null : retryAfter;
  // Half fixed, half random: clients that failed together do not retry together.
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
