import crypto from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { GroupCommit } from "@/db/group-commit";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { applyDelivery, type Applied } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { apiError, type ErrorCode } from "@/lib/http/api-error";
import { resolveClient } from "@/lib/http/client-address";
import { otherMethods } from "@/lib/http/other-methods";
import { readBodyCapped } from "@/lib/http/read-body";
import { changeFeed } from "@/lib/live/change-feed";
import { logError } from "@/lib/log";
import { isAllowedSender } from "@/lib/webhook/allowlist";
import { RejectedSenderLog } from "@/lib/webhook/rejected-senders";

/** The contract's limit; checked on the declared length first and while reading, so nothing larger is buffered. */
const MAX_WEBHOOK_BYTES = 1024 * 1024;

// One of each per module instance: deliveries that arrive together share a commit, and refused senders are
// counted in memory and written once a second (a flood costs no write per request).
const commits = new GroupCommit(getDb);
const rejected = new RejectedSenderLog(getDb);
let limiter: RateLimiterMemory | null | undefined;

function senderLimiter(): RateLimiterMemory | null {
  const perSecond = env().WEBHOOK_RATE_LIMIT;
  limiter ??= perSecond > 0 ? new RateLimiterMemory({ points: perSecond, duration: 1 }) : null;
  return limiter;
}

/**
 * An answer given before the body was read (or while it was still coming): the connection closes after it, so a
 * refused sender's upload is never read and a client cannot send its next request into the unread rest.
 */
function refuse(code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return apiError(code, message, { headers: { ...headers, Connection: "close" } });
}

function sha256(value: string): Buffer {
  return crypto.createHash("sha256").update(value).digest();
}

function secretMatches(given: string | null, expected: string): boolean {
  return given !== null && crypto.timingSafeEqual(sha256(given), sha256(expected));
}

function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

async function rateLimited(ip: string): Promise<Response | null> {
  try {
    await senderLimiter()?.consume(ip);
    return null;
  } catch (limited) {
    if (!(limited instanceof RateLimiterRes)) throw limited;
    const retryAfter = String(Math.max(1, Math.ceil(limited.msBeforeNext / 1000)));
    return apiError("rate_limited", "Too many deliveries from this sender; retry shortly.", {
      headers: { "Retry-After": retryAfter },
    });
  }
}

async function readBody(request: Request): Promise<{ ok: true; text: string } | { ok: false; answer: Response }> {
  const tooLarge = () => refuse("payload_too_large", "The body is larger than 1 MiB.");
  if (Number(request.headers.get("content-length")) > MAX_WEBHOOK_BYTES) return { ok: false, answer: tooLarge() };
  const body = await readBodyCapped(request, MAX_WEBHOOK_BYTES);
  if (body.ok) return body;
  return {
    ok: false,
    answer: body.reason === "too_large" ? tooLarge() : apiError("invalid_json", "The body is not valid UTF-8 JSON."),
  };
}

/**
 * Bolna → Callboard (`POST /api/webhook`, and `POST /webhook`, which re-exports this). In the contract's order:
 * the sender (vouched for by npm start's server, lib/http/client-address.ts) before anything is read or stored,
 * then the per-sender rate, the shared secret, size, type and JSON; the delivery is stored and applied in the
 * group commit, and answered 2xx only after COMMIT (a failed write answers 503 so that Bolna retries). Live
 * streams of this process hear of it at once.
 */
export async function POST(request: Request): Promise<Response> {
  const receivedAt = new Date();
  const config = env();
  const client = resolveClient(request.headers);
  if (client.unavailable) {
    return refuse("webhook_unavailable", "This server cannot see who sent the delivery; start Callboard with npm start.");
  }
  const sender = client.ok && isAllowedSender(client.ip) ? client.ip : null;
  if (!sender) {
    const reason = client.ok ? "not on the allowlist" : client.reason;
    rejected.record(client.ok ? client.ip : null, reason, receivedAt);
    return refuse("forbidden_ip", `Webhook sender refused: ${reason}.`);
  }
  const limited = await rateLimited(sender);
  if (limited) return limited;
  if (config.WEBHOOK_SECRET && !secretMatches(request.headers.get("x-webhook-secret"), config.WEBHOOK_SECRET)) {
    return refuse("invalid_secret", "The X-Webhook-Secret header is missing or wrong.");
  }
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return refuse("unsupported_media_type", "Send the execution as application/json.");
  }
  const body = await readBody(request);
  if (!body.ok) return body.answer;
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return apiError("invalid_json", "The body is not valid JSON.");
  }
  const parsed = parseExecution(json);
  if (!parsed.ok) return apiError("invalid_payload", parsed.message);

  let applied: Applied;
  try {
    applied = await commits.run((db) =>
      applyDelivery(
        db,
        {
          execution: parsed.execution,
          rawBody: body.text,
          bodyHash: sha256(body.text).toString("hex"),
          senderIp: sender,
          receivedAt,
          source: "webhook",
        },
        { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY },
      ),
    );
  } catch (failure) {
    logError("webhook delivery could not be stored", failure);
    return apiError("storage_unavailable", "The delivery could not be stored; retry later.");
  }
  changeFeed().publish();
  return Response.json({ ok: true, ...applied }, { status: applied.result === "unmatched" ? 202 : 200 });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
