import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

// A self-service link's token is a credential: in a path (/i/{token}, /api/self-service/{token}, whatever was
// typed there) and anywhere else it appears in its own shape (lib/self-service/link-token.ts).
const TOKEN_IN_PATH = /(\/(?:i|api\/self-service)\/)[^/?#\s"\\]+/g;
const TOKEN_SHAPE = /[A-Za-z0-9_-]{30}\.[A-Za-z0-9_-]{43}/g;

/** Text (a URL, a Referer, a whole log line) with self-service tokens replaced by `[token]`. */
export function maskLinkTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, "$1[token]").replace(TOKEN_SHAPE, "[token]");
}

let logger: Logger | undefined;

/**
 * Structured JSON logs on stdout. Request bodies are never logged: they hold personal data; every line passes
 * through maskLinkTokens on its way out, whatever put a token into it (a URL, an error's message or stack).
 */
export function log(): Logger {
  logger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "callboard" },
    hooks: { streamWrite: maskLinkTokens },
  });
  return logger;
}

export function logError(message: string, error: unknown): void {
  log().error({ err: error }, message);
}
