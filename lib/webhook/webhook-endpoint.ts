import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { GroupCommit } from "@/db/group-commit";
import { parseExecution } from "@/lib/bolna/parse-execution";
import { applyDelivery, type Applied } from "@/lib/calls/apply-execution";
import { env } from "@/lib/env";
import { readNodeBody } from "@/lib/http/read-node-body";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "@/lib/http/security-headers";
import { logError } from "@/lib/log";
import type { RejectedSenderLog } from "./rejected-senders";
import { checkSender } from "./sender-check";

export const WEBHOOK_PATHS = new Set(["/webhook", "/api/webhook"]);
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
const ALLOW = "OPTIONS, POST";

/**
 * `unread`: the answer comes before the body was read. "close" ends the connection after the answer (cheap
 * refusals: a refused sender's upload is never read); "discard" reads the rest and drops it, so that a client
 * still sending an oversized body gets its 413 instead of a broken pipe (bounded by the server's request timeout).
 */
type Answer = { status: number; body: unknown; headers?: Record<string, string>; unread?: "close" | "discard" };

const error = (status: number, code: string, message: string, extra: Partial<Answer> = {}): Answer => ({
  status,
  body: { error: { code, message } },
  ...extra,
});

const refuse = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  error(status, code, message, { headers, unread: "close" });

function sha256(value: string): Buffer {
  return crypto.createHash("sha256").update(value).digest();
}

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  return typeof given === "string" && crypto.timingSafeEqual(sha256(given), sha256(expected));
}

function isJsonContentType(value: string | undefined): boolean {
  const type = value?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

function send(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  const body = answer.body === undefined ? "" : JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": API_CONTENT_SECURITY_POLICY,
    ...(body ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}),
    ...(answer.unread === "close" ? { Connection: "close" } : {}),
    ...answer.headers,
  });
  res.end(body);
  if (answer.unread === "discard") req.resume();
}

/**
 * Bolna → Callboard, served by Callboard's own HTTP server ahead of Next (scripts/start.ts). Here the TCP peer
 * is known (a route handler cannot see it), refused senders and floods cost no Next request and no write, and
 * deliveries that arrive together share one commit (db/group-commit.ts). Every answer follows the contract:
 * refusals before anything is stored, and a 2xx only after the delivery is committed (a failed write answers
 * 503 so that Bolna retries).
 */
export function createWebhookEndpoint(db: () => Db, rejected: RejectedSenderLog) {
  const config = env();
  const limiter =
    config.WEBHOOK_RATE_LIMIT > 0 ? new RateLimiterMemory({ points: config.WEBHOOK_RATE_LIMIT, duration: 1 }) : null;
  const commits = new GroupCommit(db);
  const applyConfig = { timezone: config.INTERVIEW_TIMEZONE, defaultCountry: config.DEFAULT_COUNTRY };

  async function answer(req: IncomingMessage): Promise<Answer> {
    const receivedAt = new Date();
    // The same answers as every other API route (lib/http/other-methods.ts).
    if (req.method === "OPTIONS") return { status: 204, body: undefined, headers: { Allow: ALLOW }, unread: "close" };
    if (req.method !== "POST") {
      return refuse(405, "method_not_allowed", `${req.method} is not supported here; this endpoint allows ${ALLOW}.`, {
        Allow: ALLOW,
      });
    }
    const forwarded = req.headers["x-forwarded-for"];
    const address = req.socket.remoteAddress;
    const sender = checkSender(
      address ? { address, forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null) } : null,
    );
    if (!sender.ok) {
      rejected.record(sender.ip, sender.reason, receivedAt);
      return refuse(403, "forbidden_ip", `Webhook sender refused: ${sender.reason}.`);
    }
    if (limiter) {
      try {
        await limiter.consume(sender.ip);
      } catch (limited) {
        if (!(limited instanceof RateLimiterRes)) throw limited;
        const retryAfter = String(Math.max(1, Math.ceil(limited.msBeforeNext / 1000)));
        return refuse(429, "rate_limited", "Too many deliveries from this sender; retry shortly.", { "Retry-After": retryAfter });
      }
    }
    if (config.WEBHOOK_SECRET && !secretMatches(req.headers["x-webhook-secret"], config.WEBHOOK_SECRET)) {
      return refuse(401, "invalid_secret", "The X-Webhook-Secret header is missing or wrong.");
    }
    const tooLarge = () => error(413, "payload_too_large", "The body is larger than 1 MiB.", { unread: "discard" });
    if (Number(req.headers["content-length"]) > MAX_WEBHOOK_BYTES) return tooLarge();
    if (!isJsonContentType(req.headers["content-type"])) {
      return refuse(415, "unsupported_media_type", "Send the execution as application/json.");
    }
    const body = await readNodeBody(req, MAX_WEBHOOK_BYTES);
    if (!body.ok)
      return body.reason === "too_large" ? tooLarge() : error(400, "invalid_json", "The body is not valid UTF-8 JSON.");
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return error(400, "invalid_json", "The body is not valid JSON.");
    }
    const parsed = parseExecution(json);
    if (!parsed.ok) return error(400, "invalid_payload", parsed.message);

    let applied: Applied;
    try {
      applied = await commits.run((tx) =>
        applyDelivery(
          tx,
          {
            execution: parsed.execution,
            rawBody: body.text,
            bodyHash: sha256(body.text).toString("hex"),
            senderIp: sender.ip,
            receivedAt,
            source: "webhook",
          },
          applyConfig,
        ),
      );
    } catch (failure) {
      logError("webhook delivery could not be stored", failure);
      return error(503, "storage_unavailable", "The delivery could not be stored; retry later.");
    }
    return { status: applied.result === "unmatched" ? 202 : 200, body: { ok: true, ...applied } };
  }

  /** Answers the request when it is for the webhook; false leaves it to Next. */
  return async function webhook(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    // The pathname as Next would route it: dot segments resolved, query and fragment dropped.
    if (!WEBHOOK_PATHS.has(new URL(req.url ?? "/", "http://callboard.invalid").pathname)) return false;
    send(req, res, await answer(req));
    return true;
  };
}
