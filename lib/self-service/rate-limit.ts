import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { clientAddress } from "@/lib/http/client-address";

const WINDOW_SECONDS = 60;

// One limiter per connection. The count lives in SQLite (self_service_rate_limits), not in memory: Next gives
// route handlers, pages and server actions separate module copies in one process, and each would count alone.
const limiters = new WeakMap<Db, RateLimiterSQLite>();

function limiterFor(db: Db): RateLimiterSQLite {
  let limiter = limiters.get(db);
  if (!limiter) {
    limiter = new RateLimiterSQLite({
      storeClient: db.$client,
      storeType: "better-sqlite3",
      tableName: "self_service_rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix: "self-service",
      points: env().SELF_SERVICE_RATE_LIMIT,
      duration: WINDOW_SECONDS,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/**
 * Counts one self-service request (page view, action, invite) against the client's address and refuses with
 * 429 rate_limited past SELF_SERVICE_RATE_LIMIT a minute. The page is the one part of Callboard open without an
 * account: this keeps anyone from trying tokens, or loading the database, at speed.
 */
export async function limitSelfService(db: Db, headers: Headers): Promise<void> {
  const address = clientAddress(headers) ?? "unknown";
  try {
    await limiterFor(db).consume(address);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ApiError("rate_limited", `Too many requests from your address: try again in ${seconds} seconds.`);
  }
}
