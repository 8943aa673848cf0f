import { z } from "zod";

export type BolnaErrorKind =
  | "unauthorized"
  | "insufficient_balance"
  | "invalid_number"
  | "not_found"
  | "rate_limited"
  | "timeout"
  | "unavailable"
  | "bad_response"
  | "rejected";

type BolnaErrorOptions = {
  status?: number;
  /** Bolna's own words, for the logs. */
  detail?: string;
  /** Set when placeCall failed in a way that cannot tell whether Bolna started the call. */
  mayHavePlacedCall?: boolean;
};

/** A failed Bolna request; `message` is written for a recruiter. */
export class BolnaError extends Error {
  override readonly name = "BolnaError";
  readonly status?: number;
  readonly detail?: string;
  readonly mayHavePlacedCall: boolean;

  constructor(
    readonly kind: BolnaErrorKind,
    message: string,
    options: BolnaErrorOptions = {},
  ) {
    super(message);
    this.status = options.status;
    this.detail = options.detail;
    this.mayHavePlacedCall = options.mayHavePlacedCall ?? false;
  }
}

const MESSAGES: Record<BolnaErrorKind, string> = {
  unauthorized: "Bolna rejected Callboard's API key. Ask an administrator to check BOLNA_API_KEY.",
  insufficient_balance: "The Bolna wallet balance is too low to place calls. Top up the Bolna account, then try again.",
  invalid_number: "Bolna cannot call this phone number. Check that it is a full international number, such as +919876543210.",
  not_found: "Bolna has no record of this call or of the configured agent.",
  rate_limited: "Bolna is receiving too many requests right now. Wait a minute, then try again.",
  timeout: "Bolna did not answer in time. Try again in a moment.",
  unavailable: "Bolna is unavailable right now. Try again in a few minutes.",
  bad_response: "Bolna sent a reply Callboard could not read. If this keeps happening, tell an administrator.",
  rejected: "Bolna refused the request.",
};

const MAY_HAVE_PLACED =
  "Bolna did not confirm the call, but the candidate may still be called. Wait a few minutes before calling again.";

const MAX_DETAIL = 300;

// Bolna's error bodies are not documented; these are the shapes its API and FastAPI-style services use.
const errorBody = z.looseObject({
  message: z.string().optional().catch(undefined),
  error: z
    .union([z.string(), z.looseObject({ message: z.string() })])
    .optional()
    .catch(undefined),
  detail: z
    .union([
      z.string(),
      z.array(z.looseObject({ msg: z.string() })).transform((items) => items.map((item) => item.msg).join("; ")),
    ])
    .optional()
    .catch(undefined),
});

/** Bolna's explanation of a failed request, from its JSON body or, failing that, its raw text. */
function bolnaErrorDetail(text: string): string | undefined {
  let fromJson: string | undefined;
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { message, error, detail } = parsed.data;
      fromJson = message ?? detail ?? (typeof error === "string" ? error : error?.message);
    }
  } catch {
    // Not JSON: a proxy's HTML page or plain text; the raw text below is all there is.
  }
  const detail = (fromJson ?? text).trim();
  return detail ? detail.slice(0, MAX_DETAIL) : undefined;
}

function kindOfStatus(status: number, detail: string): BolnaErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if ((status === 400 || status === 402) && /wallet|balance/i.test(detail)) return "insufficient_balance";
  if ((status === 400 || status === 422) && /phone|number/i.test(detail)) return "invalid_number";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "rejected";
}

function bolnaError(kind: BolnaErrorKind, options: BolnaErrorOptions): BolnaError {
  let message = MESSAGES[kind];
  if (options.mayHavePlacedCall) message = MAY_HAVE_PLACED;
  else if (kind === "rejected" && options.detail) message = `Bolna refused the request: ${options.detail}`;
  return new BolnaError(kind, message, options);
}

export function errorFromResponse(status: number, text: string, mayHavePlacedCall: boolean): BolnaError {
  const detail = bolnaErrorDetail(text);
  return bolnaError(kindOfStatus(status, detail ?? ""), { status, detail, mayHavePlacedCall });
}

/** A request that got no HTTP answer: it timed out or the connection failed. */
export function errorFromException(error: unknown, mayHavePlacedCall: boolean): BolnaError {
  const timedOut = error instanceof Error && error.name === "TimeoutError";
  const detail = error instanceof Error ? describeCause(error) : String(error);
  return bolnaError(timedOut ? "timeout" : "unavailable", { detail, mayHavePlacedCall });
}

/** A 2xx whose body is not JSON or not the expected shape. */
export function badResponse(status: number, detail: string, mayHavePlacedCall: boolean): BolnaError {
  return bolnaError("bad_response", { status, detail, mayHavePlacedCall });
}

// fetch reports every network failure as "fetch failed"; the reason is on `cause`.
function describeCause(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) return `${error.message}: ${"code" in cause ? String(cause.code) : cause.message}`;
  return error.message;
}
