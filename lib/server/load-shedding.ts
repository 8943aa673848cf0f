import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { ERROR_STATUS, type ErrorCode } from "@/lib/http/error-codes";
import { createAddressBudget } from "./address-budget";
import { bufferBody, createBodyRateWatch, hasBody } from "./body-gate";
import { eventLoopLag } from "./event-loop-lag";
import { publishSheddingState } from "./shedding-state";

export type SheddingLimits = {
  /** Open connections, keep-alive and streams included. */
  connections: number;
  /** Open connections from one client address (not counted for a trusted proxy's, which carry many clients). */
  connectionsPerAddress: number;
  /** Requests being answered at once, except the webhook's and the live streams' (each has its own budget). */
  inFlight: number;
  /** Webhook deliveries being answered at once: an anonymous flood of page loads never takes Bolna's place. */
  webhookInFlight: number;
  /** Requests of one client address being answered at once; more wait their turn in a short queue. */
  inFlightPerAddress: number;
  /** Bodies of requests without a credential are read whole, up to this size, before they take a place. */
  anonymousBodyBytes: number;
  /** Past this event-loop lag (ms, p99 held for 3 s) new page and API requests are refused. */
  maxEventLoopLagMs: number;
  minBodyBytesPerSecond: number;
};

export type Client = {
  /** The per-address key of the request's client (lib/http/address-key.ts), or of its TCP peer when unknown. */
  key: string;
  /** Whether it carries a credential Callboard issued (lib/server/credentials.ts). */
  authenticated: boolean;
};

/** How long a refused client should wait before it tries again. */
const RETRY_AFTER_SECONDS = 5;
const RECENT_MS = 10_000;
const BODY_GRACE_MS = 2_000;

const WEBHOOK_PATHS = new Set(["/webhook", "/api/webhook"]);
const HEALTH_PATHS = new Set(["/api/health", "/api/health/live", "/api/health/ready"]);
const AGENT_PREFIX = "/api/agent/";

function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const end = raw.search(/[?#]/);
  return end < 0 ? raw : raw.slice(0, end);
}

const ANSWERS = {
  overloaded: ["overloaded", "Callboard is busy right now; retry in a few seconds."],
  address: ["rate_limited", "Too many requests at once from your address; retry in a few seconds."],
  tooLarge: ["payload_too_large", "The body is larger than Callboard accepts without signing in."],
} as const satisfies Record<string, readonly [ErrorCode, string]>;

/**
 * How long a connection answered before its upload was all read stays open before it closes: as nginx's lingering
 * close (lingering_time 30 s, lingering_timeout 5 s), at most 30 s in all, and 5 s after the client last sent
 * anything. A busy client needs a moment to read its answer (a 413, a refused sender) between writes; closing
 * sooner resets the connection under its write, and the answer is lost.
 */
const LINGER_TOTAL_MS = 30_000;
const LINGER_IDLE_MS = 5_000;

function lingerThenClose(req: IncomingMessage, socket: Socket): void {
  socket.end();
  const close = () => socket.destroy();
  const total = setTimeout(close, LINGER_TOTAL_MS).unref();
  // Bytes are counted on the socket: a data listener on the request would take the body from whoever reads it.
  let seen = socket.bytesRead;
  const idle = setInterval(() => {
    if (socket.bytesRead === seen) close();
    seen = socket.bytesRead;
  }, LINGER_IDLE_MS).unref();
  req.once("end", close);
  socket.once("close", () => {
    clearTimeout(total);
    clearInterval(idle);
  });
  // What still comes is dropped (a route handler that refused a body reads and drops it itself, and has a
  // `readable` listener, which makes this a no-op; Node has taken the socket off a request Next abandoned).
  if (req.socket) req.resume();
}

/**
 * An answer can come before its request's body has all arrived: the shedder's 413, a route handler's 413 or 403.
 * The connection then closes after it, as nginx does, so the rest of an oversized upload is never read for long;
 * the answer says so, or a client would send its next request into a connection about to close. Node destroys a
 * connection whose answer says "close" as soon as the answer is flushed (socket.destroySoon), which resets a
 * client in the middle of its write; this one only ends its side and lingers.
 */
function closeGentlyWhileUploading(req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket;
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    if (!req.complete) res.setHeader("Connection", "close");
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
  const own = socket.destroySoon;
  socket.destroySoon = () => (req.complete || socket.destroyed ? own.call(socket) : lingerThenClose(req, socket));
  // Node's own finish handler, registered before the request event, has called destroySoon by now, or kept the
  // connection alive for its next request, which gets Node's method back.
  res.once("finish", () => {
    socket.destroySoon = own;
  });
}

function refuse(res: ServerResponse, answer: (typeof ANSWERS)[keyof typeof ANSWERS]): void {
  const [code, message] = answer;
  const status = ERROR_STATUS[code];
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    ...(code === "payload_too_large" ? {} : { "Retry-After": String(RETRY_AFTER_SECONDS) }),
    // The request's body is not read (or not all of it): the connection closes after the answer, gently
    // (closeGentlyWhileUploading).
    Connection: "close",
  });
  res.end(body);
}

/**
 * Sheds load instead of falling over, before a request costs a render or memory, and so that no one client can
 * hold the doors:
 * - connections: past `connections` the oldest idle keep-alive one is closed, and when none is idle the new
 *   one's request gets 503; one address's connections past `connectionsPerAddress` are closed at once;
 * - bodies: a request without a credential has its body read whole (at most `anonymousBodyBytes`, else 413)
 *   before it takes a place, and every body must keep a minimum rate (lib/server/body-gate.ts);
 * - requests: one address has at most `inFlightPerAddress` being answered, the rest wait briefly in line (then
 *   429); the agent's tool calls with a credential have a line of their own per address (they come from Bolna's
 *   addresses, as its webhooks do, while a caller waits); past the global budgets 503 with Retry-After; the
 *   webhook has a budget of its own;
 * - event-loop lag past `maxEventLoopLagMs`: new page and API requests get 503 until it recovers.
 * The health endpoints are never refused. A live stream holds a place only until its headers are out (its own
 * caps are per user and in total: app/api/live/route.ts). `admit` resolves false when it answered itself.
 */
export function createLoadShedder(server: Server, limits: SheddingLimits, connectionKey: (socket: Socket) => string | null) {
  let connections = 0;
  let inFlight = 0;
  let webhookInFlight = 0;
  const refusals: { at: number; reason: string }[] = [];
  // Keep-alive connections that have been answered and wait for their next request, oldest first.
  const idle = new Set<Socket>();
  // Connections accepted past the cap: answered 503 and closed.
  const overCap = new WeakSet<Socket>();
  const addresses = createAddressBudget(limits.inFlightPerAddress);
  const connectionsOf = new Map<string, number>();
  const bodies = createBodyRateWatch({ minBytesPerSecond: limits.minBodyBytesPerSecond, graceMs: BODY_GRACE_MS });

  // Only refusals for the server's own sake count as shedding (readiness reports them): one client held to its
  // share, or sending too much, is the server working as it should, and must not take it out of rotation.
  const shed = (res: ServerResponse, reason: string) => {
    const now = Date.now();
    refusals.push({ at: now, reason });
    while (refusals.length > 0 && refusals[0]!.at < now - RECENT_MS) refusals.shift();
    if (refusals.length > 10_000) refusals.splice(0, refusals.length - 10_000);
    refuse(res, ANSWERS.overloaded);
  };

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // Kept here: a request destroyed before its answer is out has no socket by then.
    const socket = req.socket;
    idle.delete(socket);
    if (hasBody(req)) closeGentlyWhileUploading(req, res);
    res.once("finish", () => {
      if (!socket.destroyed) idle.add(socket);
    });
  });

  server.on("connection", (socket: Socket) => {
    connections += 1;
    const key = connectionKey(socket);
    if (key !== null) connectionsOf.set(key, (connectionsOf.get(key) ?? 0) + 1);
    socket.once("close", () => {
      connections -= 1;
      idle.delete(socket);
      if (key === null) return;
      const left = (connectionsOf.get(key) ?? 1) - 1;
      if (left > 0) connectionsOf.set(key, left);
      else connectionsOf.delete(key);
    });
    // One address holding hundreds of half-open connections loses the extra ones at once, before it costs more.
    if (key !== null && connectionsOf.get(key)! > limits.connectionsPerAddress) {
      socket.destroy();
      return;
    }
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

  publishSheddingState(() => {
    const now = Date.now();
    const recent = refusals.filter((refusal) => refusal.at >= now - RECENT_MS);
    return {
      connections,
      inFlight,
      webhookInFlight,
      refusedRecently: recent.length,
      lastReason: recent.at(-1)?.reason ?? null,
    };
  });

  return {
    async admit(req: IncomingMessage, res: ServerResponse, client: Client): Promise<boolean> {
      const path = pathOf(req.url);
      if (HEALTH_PATHS.has(path)) return true;
      if (overCap.has(req.socket)) {
        shed(res, "too many connections");
        return false;
      }
      const webhook = WEBHOOK_PATHS.has(path);
      if (!webhook && eventLoopLag().sustainedMs > limits.maxEventLoopLagMs) {
        shed(res, "the event loop is lagging");
        return false;
      }
      if (hasBody(req)) {
        bodies.watch(req, res);
        // The webhook refuses senders before it reads a body (and caps it at 1 MiB itself).
        if (!client.authenticated && !webhook) {
          const body = await bufferBody(req, limits.anonymousBodyBytes);
          if (body === "aborted") return false;
          if (body === "too_large") {
            refuse(res, ANSWERS.tooLarge);
            return false;
          }
        }
      }
      // Bolna's tool calls come from the addresses its webhooks do, and a caller is waiting on the line for them:
      // with the token, they wait in a line of their own, not behind that address's deliveries.
      const key = client.authenticated && path.startsWith(AGENT_PREFIX) ? `agent ${client.key}` : client.key;
      const turn = await addresses.acquire(key, req);
      if (turn === "gone") return false;
      if (turn === "refused") {
        refuse(res, ANSWERS.address);
        return false;
      }
      if (webhook ? webhookInFlight >= limits.webhookInFlight : inFlight >= limits.inFlight) {
        addresses.release(key);
        shed(res, webhook ? "webhook deliveries at their limit" : "requests at their limit");
        return false;
      }
      if (webhook) webhookInFlight += 1;
      else inFlight += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        addresses.release(key);
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
        // The server lets a client half-close and still wait for its answer (scripts/start.ts), but a stream's
        // answer never ends: a client that half-closes one has gone, and its place comes back now rather than when
        // the next heartbeat fails to reach it.
        const socket = req.socket;
        const gone = () => socket.destroy();
        socket.once("end", gone);
        res.once("close", () => socket.off("end", gone));
      }
      return true;
    },
    stats: () => ({ connections, inFlight, webhookInFlight, addresses: addresses.size(), watchedBodies: bodies.size() }),
  };
}
