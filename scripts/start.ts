import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { env } from "@/lib/env";
import { stampPeer } from "@/lib/http/client-address";
import { logError } from "@/lib/log";
import { createLoadShedder } from "@/lib/server/load-shedding";
import { createRequestLog, requestLogFormat } from "@/lib/server/request-log";
import { ensureBuild } from "./ensure-build";

/**
 * `npm start`: build if needed, then serve Next through a small Node server that does only what needs the
 * socket: it resolves each request's client address from the TCP peer and X-Forwarded-For (TRUSTED_PROXY_HOPS)
 * and hands it to Next vouched for by a per-process secret (lib/http/client-address.ts). Everything else —
 * migrations, demo data, background work — is the app's own start-up (instrumentation.ts), the same under
 * `next start` or the standalone server.
 */
async function main() {
  const started = performance.now();
  const dev = process.argv.includes("--dev");
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Route bundles are compiled with NODE_ENV inlined; the server process must agree with them.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  // Made here, never read from outside: only this process can vouch for an address (Next reads it from env).
  const secret = crypto.randomBytes(32).toString("base64url");
  process.env.CALLBOARD_PEER_SECRET = secret;
  // Test harnesses build once up front and pass --no-build, so parallel servers never race to rebuild.
  if (!dev && !process.argv.includes("--no-build")) await ensureBuild();

  const config = env();
  const requestLog = createRequestLog(requestLogFormat(config.LOG_FORMAT, process.stdout));
  const app = next({ dev, dir: process.cwd(), hostname: config.HOSTNAME, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    requestLog(req, res);
    if (!shedder.admit(req, res)) return;
    stampPeer(req.headers, req.socket.remoteAddress, config.TRUSTED_PROXY_HOPS, secret);
    handle(req, res).catch((error: unknown) => {
      logError("request failed before reaching Next", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
    });
  });
  const shedder = createLoadShedder(server, {
    connections: config.MAX_CONNECTIONS,
    inFlight: config.MAX_IN_FLIGHT,
    webhookInFlight: config.MAX_WEBHOOK_IN_FLIGHT,
  });
  // A slow client may not hold a connection open by dribbling its request (slowloris); a proxy's idle upstream
  // connection must close on the proxy's side first (nginx keeps them 60 s), or it could send a request into a
  // connection this server is closing.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 65_000;
  server.once("error", (error) => {
    console.error(`Callboard: cannot listen on ${config.HOSTNAME}:${config.PORT}: ${error.message}`);
    process.exit(1);
  });
  // A burst of connections waits in the kernel's queue rather than being reset (Node's default backlog is 511).
  server.listen({ port: config.PORT, host: config.HOSTNAME, backlog: 4096 }, () => {
    // Next runs the app's start-up (instrumentation.ts: migrations, demo users) before its first request: one made
    // here means "ready" is printed when it is true, after the demo sign-in, and no visitor waits for it.
    const { address } = server.address() as AddressInfo;
    fetch(`http://${address.includes(":") ? `[${address}]` : address}:${config.PORT}/api/health`)
      .catch(() => undefined)
      .finally(() => {
        const elapsed = ((performance.now() - started) / 1000).toFixed(1);
        const mode = config.demoMode ? "demo mode: calls are simulated; sign in as a demo user above" : "live Bolna";
        console.log(`Callboard: ready in ${elapsed} s on http://localhost:${config.PORT} (${mode})`);
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
