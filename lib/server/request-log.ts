import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import { pinoHttp } from "pino-http";
import { log } from "@/lib/log";

const ACCEPTABLE_ID = /^[\w.-]{1,64}$/;

/**
 * One structured log line per request with a request id: the caller's X-Request-Id when it is sane, else a
 * fresh one. The id is echoed in the response and passed on to route handlers in the request headers.
 */
export function createRequestLog() {
  return pinoHttp({
    logger: log(),
    genReqId(req: IncomingMessage, res) {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && ACCEPTABLE_ID.test(given) ? given : crypto.randomUUID();
      req.headers["x-request-id"] = id;
      res.setHeader("x-request-id", id);
      return id;
    },
    // 503 is load shed on purpose (or storage trouble, logged where it happens): a warning, not an error per request.
    customLogLevel: (_req, res, error) =>
      error || (res.statusCode >= 500 && res.statusCode !== 503) ? "error" : res.statusCode >= 400 ? "warn" : "info",
    // Cookies and tokens stay out of the logs (self-service tokens in paths and referrers: lib/log.ts masks
    // every line).
    redact: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-webhook-secret']", "res.headers['set-cookie']"],
    autoLogging: { ignore: (req) => req.url === "/api/live" || (req.url ?? "").startsWith("/_next/") },
  });
}
