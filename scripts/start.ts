import fs from "node:fs";
import http from "node:http";
import next from "next";
import { startCheckpointer } from "@/db/checkpointer";
import { openDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { ensureDemoUsers, ensureFirstAdmin } from "@/lib/auth/bootstrap-users";
import { startBackgroundWork } from "@/lib/background";
import { env } from "@/lib/env";
import { stampClientIp } from "@/lib/http/client-ip-header";
import { log, logError } from "@/lib/log";
import { purgePersonalData } from "@/lib/retention/purge-personal-data";
import { createRequestLog } from "@/lib/server/request-log";
import { RejectedSenderLog } from "@/lib/webhook/rejected-senders";
import { createWebhookEndpoint } from "@/lib/webhook/webhook-endpoint";
import { ensureBuild } from "./ensure-build";

/**
 * `npm start`: build if needed, migrate, seed the demo data into an empty database, then serve Next through a
 * small Node server that answers Bolna's webhook itself (lib/webhook/webhook-endpoint.ts: it needs the TCP
 * peer, which route handlers cannot see) and hands everything else to Next.
 */
async function main() {
  const dev = process.argv.includes("--dev");
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Route bundles are compiled with NODE_ENV inlined; the server process must agree with them.
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  // Test harnesses build once up front and pass --no-build, so parallel servers never race to rebuild.
  if (!dev && !process.argv.includes("--no-build")) ensureBuild();

  const config = env();
  const db = openDatabase(config.DATABASE_PATH);
  const stopCheckpointer = startCheckpointer(db, config.DATABASE_PATH, config.SQLITE_SYNCHRONOUS, (problem) =>
    log().warn(problem),
  );
  if (config.SEED_DEMO && seedDemoData(db, config.INTERVIEW_TIMEZONE)) {
    console.log(`Callboard: seeded demo candidates and interview slots into ${config.DATABASE_PATH}`);
  }
  if (await ensureFirstAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD)) {
    console.log(`Callboard: created the first admin, ${config.ADMIN_EMAIL}`);
  }
  if (config.demoMode && config.SEED_DEMO) {
    for (const demo of await ensureDemoUsers(db, config.DATABASE_PATH)) {
      console.log(`Callboard: demo ${demo.role.padEnd(9)} ${demo.email}  password: ${demo.password}`);
    }
  }

  const purge = () => {
    try {
      const purged = purgePersonalData(db, config.RETENTION_DAYS);
      if (purged.calls + purged.events > 0) log().info({ ...purged, days: config.RETENTION_DAYS }, "retention purge");
    } catch (error) {
      logError("retention purge failed", error);
    }
  };
  purge();
  setInterval(purge, 6 * 60 * 60 * 1000).unref();

  const webhook = createWebhookEndpoint(() => db, new RejectedSenderLog(() => db));
  const requestLog = createRequestLog();
  const app = next({ dev, dir: process.cwd(), hostname: config.HOSTNAME, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    requestLog(req, res);
    webhook(req, res)
      .then((answered) => {
        if (answered) return;
        // For Next's routes (per-IP sign-in limits); the webhook resolves its sender itself.
        stampClientIp(req.headers, req.socket.remoteAddress, config.TRUSTED_PROXY_HOPS);
        return handle(req, res);
      })
      .catch((error: unknown) => {
        logError("request failed before reaching Next", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
      });
  });
  server.listen(config.PORT, config.HOSTNAME, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    console.log(
      `Callboard: ready on http://localhost:${port} (${config.demoMode ? "demo mode: calls are simulated" : "live Bolna"})`,
    );
    startBackgroundWork(port).catch((error: unknown) => console.error("Callboard: background work failed to start", error));
  });
  const stop = () => server.close(() => void stopCheckpointer().finally(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
