import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { bolnaClient } from "./active-client";
import { sweepExecutions } from "./sweep-executions";

const HOUR_MS = 3600_000;

/**
 * The executions sweep's job settings (lib/server/start-up.ts): every BOLNA_SWEEP_INTERVAL_SECONDS, first after
 * one interval; after failures (Bolna's 429s, an outage) it waits twice as long each time, up to an hour. Null
 * when BOLNA_SWEEP_INTERVAL_SECONDS is 0 (the sweep is off).
 */
export function sweepSchedule(): { intervalMs: number; firstRunInMs: number; maxBackoffMs: number } | null {
  const intervalMs = env().BOLNA_SWEEP_INTERVAL_SECONDS * 1000;
  return intervalMs > 0 ? { intervalMs, firstRunInMs: intervalMs, maxBackoffMs: HOUR_MS } : null;
}

/** One run of sweepExecutions with this process's configuration; says when it applied anything. */
export async function sweepOnce(db: Db): Promise<void> {
  const config = env();
  const result = await sweepExecutions(db, await bolnaClient(), {
    timezone: config.INTERVIEW_TIMEZONE,
    defaultCountry: config.DEFAULT_COUNTRY,
    firstLookBackMs: config.BOLNA_SWEEP_WINDOW_HOURS * HOUR_MS,
  });
  if (result.applied > 0) log().info(result, "executions sweep applied what no webhook brought");
}
