import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { bolnaClient } from "./active-client";
import { sweepExecutions } from "./sweep-executions";

const HOUR_MS = 3600_000;
/** After failures the sweep waits twice as long each time (Bolna's 429s, an outage), up to this. */
const MAX_BACKOFF_MS = HOUR_MS;

/**
 * The executions sweep of this process (lib/server/start-up.ts starts it once): every
 * BOLNA_SWEEP_INTERVAL_SECONDS, one run of sweepExecutions; after a failure it waits twice as long each time, up
 * to an hour, and is back to its interval after a run that works. Its timer is unref'd; 0 turns it off.
 */
export function startExecutionsSweep(db: () => Db): void {
  const intervalMs = env().BOLNA_SWEEP_INTERVAL_SECONDS * 1000;
  if (intervalMs <= 0) return;
  let failures = 0;
  const run = async () => {
    try {
      const config = env();
      const result = await sweepExecutions(db(), await bolnaClient(), {
        timezone: config.INTERVIEW_TIMEZONE,
        defaultCountry: config.DEFAULT_COUNTRY,
        firstLookBackMs: config.BOLNA_SWEEP_WINDOW_HOURS * HOUR_MS,
      });
      failures = 0;
      if (result.applied > 0) log().info(result, "executions sweep applied what no webhook brought");
    } catch (error) {
      failures++;
      log().warn({ err: error, failures }, "executions sweep failed; backing off");
    }
    const wait = failures === 0 ? intervalMs : Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** failures);
    setTimeout(() => void run(), wait).unref();
  };
  setTimeout(() => void run(), intervalMs).unref();
}
