import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pinoHttp } from "pino-http";
import { log, maskTokens } from "@/lib/log";

const ACCEPTABLE_ID = /^[\w.-]{1,64}$/;

/** The caller's X-Request-Id when it is sane, else a fresh one: echoed in the response, passed on to route handlers. */
function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers["x-request-id"];
  const id = typeof given === "string" && ACCEPTABLE_ID.test(given) ? given : crypto.randomUUID();
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  return id;
}

// 503 is load shed on purpose (or storage trouble, logged where it happens): a warning, not an error per request.
const levelOf = (status: number, failed: boolean) =>
  failed || (status >= 500 && status !== 503) ? "error" : status >= 400 ? "warn" : "info";

// The live stream stays open for hours and static assets are many: neither says anything about the app.
const unlogged = (url: string | undefined) => url === "/api/live" || (url ?? "").startsWith("/_next/");

/** `json`: one structured line per request with its headers (for a log collector); `line`: a short one to read. */
export type RequestLogFormat = "json" | "line";

/** A terminal gets short lines; anything else (a file, journald, a collector) the JSON, unless LOG_FORMAT says. */
export function requestLogFormat(configured: RequestLogFormat | undefined, stdout: { isTTY?: boolean }): RequestLogFormat {
  return configured ?? (stdout.isTTY ? "line" : "json");
}

/**
 * `GET /candidates 200 12 ms`: the path without its query (search terms are personal data), the line passed
 * through lib/log.ts's mask like every other; a response the client did not wait for says so.
 */
function lineRequestLog(write: (line: string) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    assignRequestId(req, res);
    if (unlogged(req.url)) return;
    const started = performance.now();
    res.once("close", () => {
      const level = levelOf(res.statusCode, !res.writableFinished);
      if (!log().isLevelEnabled(level)) return;
      const path = (req.url ?? "/").split("?")[0]!;
      const ms = Math.round(performance.now() - started);
      write(maskTokens(`${req.method} ${path} ${res.statusCode} ${ms} ms${res.writableFinished ? "" : " (client left)"}\n`));
    });
  };
}

function jsonRequestLog() {
  return pinoHttp({
    logger: log(),
    genReqId: assignRequestId,
    customLogLevel: (_req, res, error) => levelOf(res.statusCode, Boolean(error)),
    // Cookies and tokens stay out of the logs (self-service tokens in paths and referrers: lib/log.ts masks
    // every line).
    redact: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-webhook-secret']", "res.headers['set-cookie']"],
    autoLogging: { ignore: (req) => unlogged(req.url) },
  });
}

/** One log line per request, and a request id on every request (logged or not). */
export function createRequestLog(
  format: RequestLogFormat,
  write: (line: string) => void = (line) => process.stdout.write(line),
): (req: IncomingMessage, res: ServerResponse) => void {
  return format === "line" ? lineRequestLog(write) : jsonRequestLog();
}
