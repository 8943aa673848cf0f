import crypto from "node:crypto";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { apiError, type ErrorCode } from "@/lib/http/api-error";
import { resolveClient } from "@/lib/http/client-address";
import { isAllowedSender } from "./allowlist";
import { RejectedSenderLog } from "./rejected-senders";

export type Guarded = { ok: true; sender: string } | { ok: false; answer: Response };

// One of each per module instance: refused senders are counted in memory and written once a second (a flood
// costs no write per request), and the per-sender rate is kept in memory.
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
export function refuse(code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
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

/**
 * What is checked before a delivery's body is read, in the contract's order: the sender (vouched for by npm
 * start's server, lib/http/client-address.ts) against the allowlist, its rate, the shared secret, the content
 * type. Refused senders are counted for admins (lib/webhook/rejected-senders.ts).
 */
export async function guardDelivery(request: Request, receivedAt: Date): Promise<Guarded> {
  const client = resolveClient(request.headers);
  if (client.unavailable) {
    return {
      ok: false,
      answer: refuse("webhook_unavailable", "This server cannot see who sent the delivery; start Callboard with npm start."),
    };
  }
  const sender = client.ok && isAllowedSender(client.ip) ? client.ip : null;
  if (!sender) {
    const reason = client.ok ? "not on the allowlist" : client.reason;
    rejected.record(client.ok ? client.ip : null, reason, receivedAt);
    return { ok: false, answer: refuse("forbidden_ip", `Webhook sender refused: ${reason}.`) };
  }
  const limited = await rateLimited(sender);
  if (limited) return { ok: false, answer: limited };
  const secret = env().WEBHOOK_SECRET;
  if (secret && !secretMatches(request.headers.get("x-webhook-secret"), secret)) {
    return { ok: false, answer: refuse("invalid_secret", "The X-Webhook-Secret header is missing or wrong.") };
  }
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return { ok: false, answer: refuse("unsupported_media_type", "Send the execution as application/json.") };
  }
  return { ok: true, sender };
}
