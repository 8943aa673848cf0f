import { maskTokens } from "@/lib/log";

type Write = typeof process.stdout.write;

function masked(write: Write): Write {
  return function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : null;
    return (write as (...args: unknown[]) => boolean).call(this, text === null ? chunk : maskTokens(text), ...rest);
  } as Write;
}

/**
 * Next and libraries log through console (an error page's stack, a warning) rather than through pino, whose own
 * lines are masked in lib/log.ts: the server's stdout and stderr get the same mask, so no self-service token
 * reaches the journal whoever writes it.
 */
export function maskProcessOutput(): void {
  process.stdout.write = masked(process.stdout.write.bind(process.stdout));
  process.stderr.write = masked(process.stderr.write.bind(process.stderr));
}
