import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

// A self-service link's token is a credential: in a path (/i/{token}, /api/self-service/{token}, whatever was
// typed there) and anywhere else it appears in its own shape (lib/self-service/link-token.ts).
const TOKEN_IN_PATH = /(\/(?:i|api\/self-service)\/)[^/?#\s"\\]+/g;
const TOKEN_SHAPE = /[A-Za-z0-9_-]{30}\.[A-Za-z0-9_-]{43}/g;
// Any bearer credential a line quotes (API_TOKEN, AGENT_TOOL_TOKEN, Bolna's key in an outgoing request).
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;
// The configured secrets wherever else a line holds them (a query string, an error's message). Read from the
// environment as it is, not through env(): the mask runs on every write, also before the config is checked.
const SECRET_VARIABLES = ["API_TOKEN", "AGENT_TOOL_TOKEN", "WEBHOOK_SECRET", "BOLNA_API_KEY", "AUTH_SECRET"] as const;
const SECRET_MIN_LENGTH = 16;

function maskSecrets(text: string): string {
  let masked = text;
  for (const name of SECRET_VARIABLES) {
    const secret = process.env[name]?.trim();
    if (secret && secret.length >= SECRET_MIN_LENGTH && masked.includes(secret)) masked = masked.replaceAll(secret, "[secret]");
  }
  return masked;
}

/**
 * Text (a URL, a Referer, a whole log line) with credentials replaced: self-service tokens by `[token]`, bearer
 * tokens by `Bearer [token]`, the configured secrets by `[secret]`.
 */
export function maskTokens(text: string): string {
  return maskSecrets(text.replace(TOKEN_IN_PATH, "$1[token]").replace(TOKEN_SHAPE, "[token]").replace(BEARER, "$1[token]"));
}

let logger: Logger | undefined;

/**
 * Structured JSON logs on stdout. Request bodies are never logged: they hold personal data; every line passes
 * through maskTokens on its way out, whatever put a token into it (a URL, an error's message or stack).
 */
export function log(): Logger {
  logger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "callboard" },
    hooks: { streamWrite: maskTokens },
  });
  return logger;
}

export function logError(message: string, error: unknown): void {
  log().error({ err: error }, message);
}
