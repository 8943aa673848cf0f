import { openCheckpointer } from "@/db/checkpointer";
import { getDb, type Db } from "@/db/client";
import { seedDemoData } from "@/db/seed";
import { ensureDemoUsers, ensureFirstAdmin } from "@/lib/auth/bootstrap-users";
import { purgeSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { failInterruptedImports, purgeFinishedImports } from "@/lib/csv/import-jobs";
import { serverBatchRunner } from "@/lib/batches/runner";
import { bolnaClient } from "@/lib/bolna/active-client";
import { startDemoBolna } from "@/lib/bolna/demo-mode";
import { sweepOnce, sweepSchedule } from "@/lib/bolna/sweep-job";
import { serverReconciler, sweepIntervalMs } from "@/lib/calls/reconcile";
import { stopCallsOfDoNotCallCandidates } from "@/lib/calls/stop-pending-calls";
import { env } from "@/lib/env";
import { every, stopJobs, type Job } from "@/lib/jobs/every";
import { log } from "@/lib/log";
import { serverMailSender } from "@/lib/mail/mail-sender";
import { configuredReconfirmations, runReconfirmations } from "@/lib/reach/reconfirmation-scheduler";
import { purgePersonalData } from "@/lib/retention/purge-personal-data";
import { purgeSelfServiceLimits } from "@/lib/self-service/rate-limit";
import { foldAnalyticsOnWriter, webhookWriter } from "@/lib/webhook/commit-delivery";
import { capUnmatchedDeliveries } from "@/lib/webhook/unmatched-retention";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

async function purgeOldPersonalData(db: Db): Promise<void> {
  const { RETENTION_DAYS } = env();
  const purged = await purgePersonalData(db, RETENTION_DAYS);
  if (purged.calls + purged.events > 0) log().info({ ...purged, days: RETENTION_DAYS }, "retention purge");
}

/**
 * Everything the process does besides answering requests, one job each (lib/jobs/every.ts): each runs at start
 * and then on its interval, never twice at once, backs off while it fails, and stops on shutdown.
 */
function backgroundJobs(db: Db): Job[] {
  const config = env();
  const checkpointer = openCheckpointer(config.DATABASE_PATH, config.SQLITE_SYNCHRONOUS);
  const batches = serverBatchRunner(db, () => batchJob.runSoon());
  const reconciler = serverReconciler(db);
  const mail = serverMailSender(db);
  const sweep = sweepSchedule();
  const batchJob = every("batch runner", 250, () => batches.tick());
  return [
    every("wal checkpoint", 250, () => checkpointer.checkpoint()),
    every("retention purge", 6 * HOUR, () => purgeOldPersonalData(db)),
    // What outsiders leave behind stays bounded.
    every("sign-in counters purge", MINUTE, () => purgeSignInThrottle(db)),
    every("self-service counters purge", MINUTE, () => purgeSelfServiceLimits(db)),
    every("finished CSV imports purge", MINUTE, () => purgeFinishedImports(db)),
    every("unmatched deliveries cap", MINUTE, () => capUnmatchedDeliveries(db)),
    batchJob,
    every("reconciler", sweepIntervalMs(config.reconcileAfterMs), () => reconciler.sweep()),
    ...(config.RECONFIRM_HOURS_BEFORE > 0
      ? [every("reminder calls", 5 * SECOND, () => runReconfirmations(db, bolnaClient, configuredReconfirmations()))]
      : []),
    ...(mail ? [every("mail sender", SECOND, () => mail.tick())] : []),
    // The analytics are a fold behind the writes, which only mark what changed (the page says so); the writer
    // thread folds, as it writes the deliveries.
    every("analytics fold", SECOND, () => foldAnalyticsOnWriter()),
    ...(sweep ? [every("executions sweep", sweep.intervalMs, () => sweepOnce(db), sweep)] : []),
    // A candidate marked do-not-call by a call's outcome (in the webhook's transaction, where Bolna cannot be
    // asked anything), or whose stop failed, still has whatever Bolna was to ring.
    every("do-not-call stops", MINUTE, () => stopCallsOfDoNotCallCandidates(db)),
  ];
}

/**
 * A Callboard server process's start-up, run once per process from instrumentation.ts (so `npm start`, `next
 * start` and the standalone server start the same app), before the first request is served: the database is
 * migrated (opening it does that), demo data and users are made, in demo mode the Bolna simulator starts, then
 * the background jobs and the webhook's writer thread. SIGTERM and SIGINT stop the jobs.
 */
async function startCallboard(): Promise<void> {
  const config = env();
  const db = getDb();
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
  if (failInterruptedImports(db) > 0) log().warn("CSV imports left unfinished by the last run are marked failed");
  // Before the jobs: a batch resumed at start may place its next call at once.
  const demo = await startDemoBolna(config.PORT);
  if (demo) log().info({ url: demo.url, speed: config.BOLNA_SIMULATOR_SPEED }, "demo mode: Bolna simulator started");
  const jobs = backgroundJobs(db);
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs(jobs));
  webhookWriter();
}

/**
 * A server that cannot start its app must not linger answering 500s: it stops, so that the supervisor (systemd's
 * Restart=always, docs/operations.md, "Deploy") or the operator sees it.
 */
export async function startCallboardOrExit(): Promise<void> {
  try {
    await startCallboard();
  } catch (error) {
    console.error("Callboard: start-up failed:", error);
    process.exit(1);
  }
}
