import { getDb } from "@/db/client";
import { purgeSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { startBatchRunner } from "@/lib/batches/runner";
import { startDemoBolna } from "@/lib/bolna/demo-mode";
import { startReconciler } from "@/lib/calls/reconcile";
import { env } from "@/lib/env";
import { log, logError } from "@/lib/log";
import { capUnmatchedDeliveries } from "@/lib/webhook/unmatched-retention";

/**
 * Everything Callboard runs beside the web server, started once the server listens on `port`:
 * in demo mode the Bolna simulator (lib/bolna/demo-mode.ts), then the batch runner (resumes running batches)
 * and the reconciler (checks stale calls with Bolna). Timers are unref'd.
 */
export async function startBackgroundWork(port: number): Promise<void> {
  const demo = await startDemoBolna(port);
  if (demo) log().info({ url: demo.url, speed: env().BOLNA_SIMULATOR_SPEED }, "demo mode: Bolna simulator started");
  startBatchRunner();
  startReconciler();
  startAbuseHousekeeping();
}

/**
 * What outsiders leave behind is bounded: expired sign-in counters go, and unmatched webhook deliveries are kept
 * within their age and size limits (lib/webhook/unmatched-retention.ts), every minute.
 */
function startAbuseHousekeeping(): void {
  const run = () => {
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
  };
  run();
  setInterval(run, 60_000).unref();
}
