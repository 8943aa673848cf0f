import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { ERROR_STATUS } from "@/lib/http/error-codes";

export type BodyLimits = {
  /** A body must keep arriving at least this fast (bytes per second) once the grace period is over. */
  minBytesPerSecond: number;
  graceMs: number;
};

/** Whether the request announces a body (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers["content-length"] ?? 0);
  return (Number.isFinite(length) && length > 0) || req.headers["transfer-encoding"] !== undefined;
}

// The socket is kept apart: Node takes it off a request whose answer finished before its body did.
type Watched = { req: IncomingMessage; res: ServerResponse; socket: Socket; since: number; bytesAtStart: number };

const TIMEOUT_BODY = JSON.stringify({
  error: { code: "request_timeout", message: "The request body arrived too slowly." },
});

/**
 * A minimum transfer rate for request bodies, which a client dribbling a byte every few seconds cannot stretch the
 * way it stretches a plain timeout: after `graceMs`, the body must have arrived at `minBytesPerSecond` on average,
 * or the client gets 408 and the connection closes. Time while the app is not reading (its buffer is full) does
 * not count against the client. One timer checks every watched request each second.
 */
export function createBodyRateWatch(limits: BodyLimits) {
  const watched = new Set<Watched>();
  const timer = setInterval(() => {
    const now = Date.now();
    for (const entry of watched) {
      const { req, res, socket } = entry;
      if (req.complete || socket.destroyed) {
        watched.delete(entry);
        continue;
      }
      if (req.readableLength >= req.readableHighWaterMark) {
        // The app has not read what came: the client is not the slow side.
        entry.since = now;
        entry.bytesAtStart = socket.bytesRead;
        continue;
      }
      const counted = now - entry.since - limits.graceMs;
      if (counted <= 0) continue;
      if (socket.bytesRead - entry.bytesAtStart >= (limits.minBytesPerSecond * counted) / 1000) continue;
      watched.delete(entry);
      if (!res.headersSent) {
        res.writeHead(ERROR_STATUS.request_timeout, { "Content-Type": "application/json", Connection: "close" });
        res.end(TIMEOUT_BODY);
      }
      socket.destroySoon();
      setTimeout(() => socket.destroy(), 1_000).unref();
    }
  }, 1_000);
  timer.unref();
  return {
    /** Starts watching a request's body from now (call it when someone starts reading it). */
    watch(req: IncomingMessage, res: ServerResponse): void {
      const socket = req.socket;
      if (!req.complete && hasBody(req)) watched.add({ req, res, socket, since: Date.now(), bytesAtStart: socket.bytesRead });
    },
    size: () => watched.size,
  };
}

export type Buffered = "ok" | "too_large" | "aborted";

/**
 * Waits until a whole body (at most `limit` bytes) has arrived before the request is let in, so that a request
 * that has not finished sending holds no place among the requests being answered. The body is not read: it
 * collects in the request's own buffer (the server's highWaterMark must exceed `limit`), and the app later reads
 * a stream nobody has touched. Too large: "too_large" (the caller answers 413 and closes).
 */
export function bufferBody(req: IncomingMessage, limit: number): Promise<Buffered> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve("too_large");
  if (req.complete) return Promise.resolve("ok");
  return new Promise((resolve) => {
    const finish = (result: Buffered) => {
      req.off("readable", onReadable);
      req.off("close", onClose);
      resolve(result);
    };
    const onClose = () => finish("aborted");
    function onReadable() {
      if (req.readableLength > limit) return finish("too_large");
      if (req.complete) return finish("ok");
      // Asks to hear of the next chunk without taking anything out of the buffer.
      req.read(0);
    }
    req.on("readable", onReadable);
    req.on("close", onClose);
  });
}
