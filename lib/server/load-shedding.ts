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
const RETRY_AFTER_SECONDS = 5;

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
 * Sheds load instead of falling over: past `connections` open sockets the oldest idle keep-alive one is closed,
 * and when none is idle the new one's request is answered 503 (before anything else is done with it) and the
 * connection closed; past the in-flight
 * budgets a request is answered 503 with Retry-After before it reaches Next (so it costs no render and no memory). `/api/health` is never refused. A live stream holds a
 * place only until its headers are out: its own caps are per user and in total (app/api/live/route.ts).
 * `admit` returns false when it answered the request itself.
 */
export function createLoadShedder(server: Server, limits: SheddingLimits) {
  let connections = 0;
  let inFlight = 0;
  let webhookInFlight = 0;
  // Keep-alive connections that have been answered and wait for their next request, oldest first.
  const idle = new Set<Socket>();
  // Connections accepted past the cap: answered 503 and closed.
  const overCap = new WeakSet<Socket>();

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    idle.delete(req.socket);
    res.once("finish", () => {
      if (!req.socket.destroyed) idle.add(req.socket);
    });
  });

  server.on("connection", (socket: Socket) => {
    connections += 1;
    socket.once("close", () => {
      connections -= 1;
      idle.delete(socket);
    });
    if (connections <= limits.connections) return;
    // An idle keep-alive connection is the cheapest to give up: its client just reconnects when it needs to.
    const oldestIdle = idle.values().next();
    if (!oldestIdle.done) {
      idle.delete(oldestIdle.value);
      oldestIdle.value.destroy();
      return;
    }
    // None to give up: this one gets its 503 as soon as its request is read, and is closed after it (one that
    // sends nothing is closed by the server's headers timeout).
    overCap.add(socket);
  });

  return {
    admit(req: IncomingMessage, res: ServerResponse): boolean {
      const path = pathOf(req.url);
      if (EXEMPT_PATHS.has(path)) return true;
      if (overCap.has(req.socket)) {
        busy(res);
        return false;
      }
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
