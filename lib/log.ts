import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

let logger: Logger | undefined;

/** Structured JSON logs on stdout. Request bodies are never logged: they hold personal data. */
export function log(): Logger {
  logger ??= pino({ level: env().LOG_LEVEL, base: { service: "callboard" } });
  return logger;
}

export function logError(message: string, error: unknown): void {
  log().error({ err: error }, message);
}
