import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export type SheddingLimits = {
  /** Open connections, keep-alive and streams included. */
  connections: number;
  /** Requests being answered at once, except the webhook's and the live streams' (each has its own budget). */
  inFlight: number;
  /** Webhook deliveries being answered at once: an anonymous flood of page loads never takes Bolna's place. */
  webhookInFlight: number;
};

/** How long a refused client should wait before it tries again. */
export const RETRY_AFTER_SECONDS = 5;

const BUSY_BODY = JSON.stringify({
  error: { code: "overloaded", message: "Callboard is busy right now; retry in a few seconds." },
});

const WEBHOOK_PATHS = new Set(["/webhook", "/api/webhook"]);
const EXEMPT_PATHS = new Set(["/api/health"]);

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return end < 0 ? raw : raw.slice(0, end);
}

function busy(res: ServerResponse): void {
  res.writeHead(503, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(BUSY_BODY),
    "Retry-After": String(RETRY_AFTER_SECONDS),
    // The request's body is never read: the connection closes after the answer.
    Connection: "close",
  });
  res.end(BUSY_BODY);
}

/**
 * Sheds load instead of falling over: past `connections` open sockets the idle keep-alive ones are closed, and if
 * that is not enough a new one is answered 503 and closed before its request is read; past the in-flight budgets a request is answered 503 with Retry-After before it
 * reaches Next (so it costs no render and no memory). `/api/health` is never refused. A live stream holds a
 * place only until its headers are out: its own caps are per user and in total (app/api/live/route.ts).
 * `admit` returns false when it answered the request itself.
 */
export function createLoadShedder(server: Server, limits: SheddingLimits) {
  let connections = 0;
  let inFlight = 0;
  let webhookInFlight = 0;

  server.on("connection", (socket: Socket) => {
    connections += 1;
    socket.once("close", () => (connections -= 1));
    // Idle keep-alive connections are the cheapest to give up: their clients just reconnect when they need to.
    if (connections > limits.connections) server.closeIdleConnections();
    if (connections > limits.connections) {
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BUSY_BODY)}\r\nRetry-After: ${RETRY_AFTER_SECONDS}\r\nConnection: close\r\n\r\n${BUSY_BODY}`,
      );
    }
  });

  return {
    admit(req: IncomingMessage, res: ServerResponse): boolean {
      const path = pathOf(req.url);
      if (EXEMPT_PATHS.has(path)) return true;
      const webhook = WEBHOOK_PATHS.has(path);
      if (webhook ? webhookInFlight >= limits.webhookInFlight : inFlight >= limits.inFlight) {
        busy(res);
        return false;
      }
      if (webhook) webhookInFlight += 1;
      else inFlight += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (webhook) webhookInFlight -= 1;
        else inFlight -= 1;
      };
      res.once("close", release);
      // A stream is "answered" once its headers are out; it then holds only its stream place.
      if (path === "/api/live") {
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
        res.writeHead = ((...args: unknown[]) => {
          release();
          return writeHead(...args);
        }) as ServerResponse["writeHead"];
      }
      return true;
    },
    stats: () => ({ connections, inFlight, webhookInFlight }),
  };
}
