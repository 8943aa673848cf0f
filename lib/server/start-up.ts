import { startCheckpointer } from "@/db/checkpointer";
import { getDb } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { ensureDemoUsers, ensureFirstAdmin } from "@/lib/auth/bootstrap-users";
import { startBatchRunner } from "@/lib/batches/runner";
import { startDemoBolna } from "@/lib/bolna/demo-mode";
import { foldAnalytics } from "@/lib/analytics/fold-analytics";
import { startReconciler } from "@/lib/calls/reconcile";
import { env } from "@/lib/env";
import { log, logError } from "@/lib/log";
import { purgeSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { startMailSender } from "@/lib/mail/mail-sender";
import { startReconfirmationScheduler } from "@/lib/reach/reconfirmation-scheduler";
import { startExecutionsSweep } from "@/lib/bolna/sweep-job";
import { stopCallsOfDoNotCallCandidates } from "@/lib/calls/stop-pending-calls";
import { purgePersonalData } from "@/lib/retention/purge-personal-data";
import { capUnmatchedDeliveries } from "@/lib/webhook/unmatched-retention";

const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;
const HOUSEKEEPING_EVERY_MS = 60_000;
/** How far behind the writes the analytics may be (the page says so). */
const ANALYTICS_FOLD_EVERY_MS = 1_000;

function purgeNow(): void {
  const { RETENTION_DAYS } = env();
  try {
    const purged = purgePersonalData(getDb(), RETENTION_DAYS);
    if (purged.calls + purged.events > 0) log().info({ ...purged, days: RETENTION_DAYS }, "retention purge");
  } catch (error) {
    logError("retention purge failed", error);
  }
}

/**
 * What outsiders leave behind stays bounded: expired sign-in counters go, and unmatched webhook deliveries are
 * kept within their age and size limits (lib/webhook/unmatched-retention.ts).
 */
function houseKeep(): void {
  for (const [what, purge] of [
    ["sign-in counters", purgeSignInThrottle],
    ["unmatched deliveries", capUnmatchedDeliveries],
  ] as const) {
    try {
      purge(getDb());
    } catch (error) {
      logError(`purging ${what} failed`, error);
    }
  }
}

let folding = false;

/**
 * The analytics' funnel rows are recounted here, not in the writes that mark them (lib/analytics/fold-analytics.ts).
 * A fold yields between batches, so a large backlog may outlast the interval: the next one waits its turn.
 */
async function foldNow(): Promise<void> {
  if (folding) return;
  folding = true;
  try {
    await foldAnalytics(getDb());
  } catch (error) {
    logError("analytics fold failed", error);
  } finally {
    folding = false;
  }
}

/**
 * Everything a Callboard server process does besides answering requests, run once per process from
 * instrumentation.ts (so `npm start`, `next start` and the standalone server start the same app), before the
 * first request is served: the database is migrated (opening it does that), demo data and users are made, the
 * WAL checkpoint worker starts, and the background work: retention purge, housekeeping of what outsiders leave
 * behind, the analytics fold, reconciler, batch runner, reminder calls before interviews, the mail sender, and in demo
 * mode the Bolna simulator.
 */
async function startCallboard(): Promise<void> {
  const config = env();
  const db = getDb();
  startCheckpointer(config.DATABASE_PATH, config.SQLITE_SYNCHRONOUS, (problem) => log().warn(problem));
  if (config.SEED_DEMO && seedDemoData(db)) {
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
  purgeNow();
  setInterval(purgeNow, RETENTION_EVERY_MS).unref();
  houseKeep();
  setInterval(houseKeep, HOUSEKEEPING_EVERY_MS).unref();
  void foldNow();
  setInterval(() => void foldNow(), ANALYTICS_FOLD_EVERY_MS).unref();
  const demo = await startDemoBolna(config.PORT);
  if (demo) log().info({ url: demo.url, speed: config.BOLNA_SIMULATOR_SPEED }, "demo mode: Bolna simulator started");
  startBatchRunner(getDb);
  startReconciler(getDb);
  startReconfirmationScheduler(getDb());
  startMailSender(getDb());
  startExecutionsSweep(getDb);
  // A candidate marked do-not-call by a call's outcome still has whatever Bolna was to ring: stopped here.
  setInterval(() => {
    stopCallsOfDoNotCallCandidates(getDb()).catch((error: unknown) => logError("stopping do-not-call calls failed", error));
  }, HOUSEKEEPING_EVERY_MS).unref();
}

/**
 * A server that cannot start its app must not linger answering 500s: it stops, so that the supervisor (systemd's
 * Restart=always, README "Deploy") or the operator sees it.
 */
export async function startCallboardOrExit(): Promise<void> {
  try {
    await startCallboard();
  } catch (error) {
    console.error("Callboard: start-up failed:", error);
    process.exit(1);
  }
}
