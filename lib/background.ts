import { getDb } from "@/db/client";
import { startBatchRunner } from "@/lib/batches/runner";
import { startDemoBolna } from "@/lib/bolna/demo-mode";
import { startReconciler } from "@/lib/calls/reconcile";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { startMailSender } from "@/lib/mail/mail-sender";
import { startReconfirmationScheduler } from "@/lib/reach/reconfirmation-scheduler";

/**
 * Everything Callboard runs beside the web server, started once the server listens on `port`:
 * in demo mode the Bolna simulator (lib/bolna/demo-mode.ts), then the batch runner (resumes running batches)
 * and the reconciler (checks stale calls with Bolna), the reminder calls before interviews and the mail sender
 * (issue #14). Timers are unref'd.
 */
export async function startBackgroundWork(port: number): Promise<void> {
  const demo = await startDemoBolna(port);
  if (demo) log().info({ url: demo.url, speed: env().BOLNA_SIMULATOR_SPEED }, "demo mode: Bolna simulator started");
  startBatchRunner();
  startReconciler();
  startReconfirmationScheduler(getDb());
  startMailSender(getDb());
}
