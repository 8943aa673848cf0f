import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { authSecret } from "@/lib/auth/auth-secret";
import { env } from "@/lib/env";
import { addressKey } from "@/lib/http/address-key";
import { resolvePeer, stampPeer } from "@/lib/http/client-address";
import { logError } from "@/lib/log";
import { hasCredentials } from "@/lib/server/credentials";
import { createLoadShedder } from "@/lib/server/load-shedding";
import { maskProcessOutput } from "@/lib/server/mask-output";
import { createRequestLog, requestLogFormat } from "@/lib/server/request-log";
import { secureCookies } from "@/lib/server/secure-cookies";
import { canonicalIp } from "@/lib/webhook/client-ip";
import { ensureBuild } from "./ensure-build";
import nextConfig from "../next.config";

/** Bodies of requests without a credential (sign-in, the self-service page) are small: read whole up to this. */
const ANONYMOUS_BODY_BYTES = 32 * 1024;
/** After a 2 s grace, a request body must arrive at 1 KiB/s on average or the connection closes. */
const MIN_BODY_BYTES_PER_SECOND = 1024;
/** The config `next build` resolved and wrote beside the build (defaults applied, what the server needs). */
function builtConfig(): unknown {
  const distDir = nextConfig.distDir ?? ".next";
  return (JSON.parse(fs.readFileSync(`${distDir}/required-server-files.json`, "utf8")) as { config: unknown }).config;
}
const lastEntry = (value: string | string[] | undefined) => [value].flat().join(",").split(",").at(-1)?.trim();

/**
 * `npm start`: build if needed, then serve Next through a small Node server that does only what needs the
 * socket: it resolves each request's client address (the TCP peer, or the X-Forwarded-For of a trusted proxy)
 * and hands it to Next vouched for by a per-process secret (lib/http/client-address.ts), and it sheds load per
 * address and in total before a request reaches Next (lib/server/load-shedding.ts). Everything else —
 * migrations, demo data, background work — is the app's own start-up (instrumentation.ts), the same under
 * `next start` or the standalone server.
 */
async function main() {
  const started = performance.now();
  const dev = process.argv.includes("--dev");
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  maskProcessOutput();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Route bundles are compiled with NODE_ENV inlined; the server process must agree with them.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  // Made here, never read from outside: only this process can vouch for an address (Next reads it from env).
  const secret = crypto.randomBytes(32).toString("base64url");
  process.env.CALLBOARD_PEER_SECRET = secret;
  // Test harnesses build once up front and pass --no-build, so parallel servers never race to rebuild.
  if (!dev && !process.argv.includes("--no-build")) await ensureBuild();

  const config = env();
  // tsx turned Node's source maps on for this file's TypeScript; left on in production, Node would also read and
  // keep the source map of every chunk of the build it loads (about 70 MB), which nothing there reads.
  if (!dev) process.setSourceMapsEnabled(false);
  const requestLog = createRequestLog(requestLogFormat(config.LOG_FORMAT, process.stdout));
  // Next's router reads next.config.ts itself whatever a custom server hands it, and reading TypeScript loads
  // Next's SWC compiler into the process for its whole life (25 MB of RSS and a pool of threads). The build wrote
  // the resolved config; Next's own standalone server hands that over in this variable, and so does this one.
  if (!dev) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(builtConfig());
  const app = next({ dev, dir: process.cwd(), hostname: config.HOSTNAME, port: config.PORT });
  await app.prepare();
  const credentials = { authSecret: authSecret(), apiToken: config.API_TOKEN, agentToken: config.AGENT_TOOL_TOKEN };
  const handle = app.getRequestHandler();
  // Only a trusted proxy's forwarding headers count; it carries many clients, so its connections are not capped.
  const viaProxy = (remoteAddress: string | undefined) => {
    const peer = remoteAddress ? canonicalIp(remoteAddress) : null;
    return peer !== null && config.TRUSTED_PROXY_HOPS >= 1 && config.isTrustedProxy(peer);
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    requestLog(req, res);
    const proxied = viaProxy(req.socket.remoteAddress);
    if (!proxied) {
      // Whatever a client writes in these is its own claim; next-side code reads them only from the proxy.
      for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete req.headers[name];
    } else if (lastEntry(req.headers["x-forwarded-proto"]) === "https") secureCookies(res);
    const client = resolvePeer(req.headers, req.socket.remoteAddress);
    stampPeer(req.headers, client, secret);
    const key = addressKey(client.ok ? client.ip : null) ?? addressKey(canonicalIp(req.socket.remoteAddress ?? "")) ?? "peer";
    if (!(await shedder.admit(req, res, { key, authenticated: hasCredentials(req.headers, credentials) }))) return;
    handle(req, res).catch((error: unknown) => {
      logError("request failed before reaching Next", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
    });
  }

  const server = http.createServer(
    {
      // Node checks the header and request deadlines this often (its default, 30 s, let a slow client keep a
      // connection three times as long as the deadline says).
      connectionsCheckingInterval: 1_000,
      // A client dribbling its headers cannot stretch this: it counts from the request's first byte.
      headersTimeout: 10_000,
      // Bodies are held to a minimum rate (lib/server/body-gate.ts); this only bounds a large upload in total.
      requestTimeout: 300_000,
      // A proxy's idle upstream connection must close on the proxy's side first (nginx keeps them 60 s), or it
      // could send a request into a connection this server is closing.
      keepAliveTimeout: 65_000,
      // A request's buffer holds a whole anonymous body (lib/server/body-gate.ts waits for it there, unread).
      highWaterMark: 2 * ANONYMOUS_BODY_BYTES,
    },
    (req, res) => void serve(req, res),
  );
  const shedder = createLoadShedder(
    server,
    {
      connections: config.MAX_CONNECTIONS,
      connectionsPerAddress: config.MAX_CONNECTIONS_PER_ADDRESS,
      inFlight: config.MAX_IN_FLIGHT,
      webhookInFlight: config.MAX_WEBHOOK_IN_FLIGHT,
      inFlightPerAddress: config.MAX_IN_FLIGHT_PER_ADDRESS,
      anonymousBodyBytes: ANONYMOUS_BODY_BYTES,
      maxEventLoopLagMs: config.MAX_EVENT_LOOP_LAG_MS,
      minBodyBytesPerSecond: MIN_BODY_BYTES_PER_SECOND,
    },
    (socket) => (viaProxy(socket.remoteAddress) ? null : addressKey(canonicalIp(socket.remoteAddress ?? ""))),
  );
  // A client may half-close its side once its request is sent (HTTP allows it): it still gets its answer, which
  // may come a moment later (a webhook waits for its writer thread). Node's default aborts the request instead.
  (server as http.Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.once("error", (error) => {
    console.error(`Callboard: cannot listen on ${config.HOSTNAME}:${config.PORT}: ${error.message}`);
    process.exit(1);
  });
  // A burst of connections waits in the kernel's queue rather than being reset (Node's default backlog is 511).
  server.listen({ port: config.PORT, host: config.HOSTNAME, backlog: 4096 }, () => {
    if (config.TRUSTED_PROXY_HOPS >= 1) {
      console.log(
        `Callboard: behind a proxy (TRUSTED_PROXY_HOPS=${config.TRUSTED_PROXY_HOPS}, TRUSTED_PROXIES=${config.TRUSTED_PROXIES}); listening on ${config.HOSTNAME}${config.hostnameDefaulted ? " only (set HOSTNAME to listen elsewhere)" : ""}`,
      );
    }
    // Next runs the app's start-up (instrumentation.ts: migrations, demo users) before its first request: one made
    // here means "ready" is printed when it is true, after the demo sign-in, and no visitor waits for it.
    const { address } = server.address() as AddressInfo;
    fetch(`http://${address.includes(":") ? `[${address}]` : address}:${config.PORT}/api/health`)
      .catch(() => undefined)
      .finally(() => {
        const elapsed = ((performance.now() - started) / 1000).toFixed(1);
        const host = config.HOSTNAME === "0.0.0.0" ? "localhost" : config.HOSTNAME;
        const mode = config.demoMode ? "demo mode: calls are simulated; sign in as a demo user above" : "live Bolna";
        console.log(`Callboard: ready in ${elapsed} s on http://${host}:${config.PORT} (${mode})`);
      });
  });
  // Stop taking connections, finish what is being answered, then go; open live streams (which never finish on
  // their own; browsers reconnect to the next server) are cut after a short grace.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
