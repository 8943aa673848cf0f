import type { IncomingMessage, ServerResponse } from "node:http";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import type { RejectedSenderLog } from "./rejected-senders";
import { checkSender } from "./sender-check";

const WEBHOOK_PATHS = new Set(["/webhook", "/api/webhook"]);

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  // The body is never read, so the connection cannot carry another request.
  res.writeHead(status, { "content-type": "application/json", connection: "close", ...headers });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * The webhook's first line, in the custom server before Next is involved: refused senders and floods cost a few
 * microseconds instead of a Next request. The route handler checks the sender again (it must fail closed when
 * the app is started some other way).
 */
export function createWebhookGate(rejected: RejectedSenderLog) {
  const perSecond = env().WEBHOOK_RATE_LIMIT;
  const limiter = perSecond > 0 ? new RateLimiterMemory({ points: perSecond, duration: 1 }) : null;
  return async function gate(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (req.method !== "POST" || !WEBHOOK_PATHS.has((req.url ?? "").split("?")[0]!)) return false;
    const forwarded = req.headers["x-forwarded-for"];
    const forwardedFor = Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? null);
    const address = req.socket.remoteAddress;
    const sender = checkSender(address ? { address, forwardedFor } : null);
    if (!sender.ok) {
      rejected.record(sender.ip, sender.reason, new Date());
      refuse(res, 403, "forbidden_ip", `Webhook sender refused: ${sender.reason}.`);
      return true;
    }
    if (!limiter) return false;
    try {
      await limiter.consume(sender.ip);
      return false;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      refuse(res, 429, "rate_limited", "Too many deliveries from this sender; retry shortly.", {
        "retry-after": String(Math.max(1, Math.ceil(error.msBeforeNext / 1000))),
      });
      return true;
    }
  };
}
