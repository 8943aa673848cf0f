import { lt } from "drizzle-orm";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { selfServiceRateLimits } from "@/db/schema";
import { env } from "@/lib/env";
import { addressKey } from "@/lib/http/address-key";
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
      // Expired rows go in the server's housekeeping (purgeSelfServiceLimits), once a minute.
      clearExpiredByTimeout: false,
      keyPrefix: "self-service",
      points: env().SELF_SERVICE_RATE_LIMIT,
      duration: WINDOW_SECONDS,
    });
    limiters.set(db, limiter);
  }
  return limiter;
}

/**
 * Counts one self-service request (page view, action, invite) against the client's address — an IPv6 client by
 * its /64, as sign-in does — and refuses with 429 rate_limited and Retry-After past SELF_SERVICE_RATE_LIMIT a
 * minute. The page is the one part of Callboard open without an account: this keeps anyone from trying tokens,
 * or loading the database, at speed. A request whose address cannot be told is refused rather than counted in a
 * bucket it would share with strangers.
 */
export async function limitSelfService(db: Db, headers: Headers): Promise<void> {
  const key = addressKey(clientAddress(headers));
  if (!key) throw new ApiError("client_address_unknown", "Callboard cannot tell which address this request came from.");
  try {
    await limiterFor(db).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new ApiError(
      "rate_limited",
      `Too many requests from your address: try again in ${seconds} seconds.`,
      undefined,
      seconds,
    );
  }
}

/**
 * Deletes the counters of addresses whose minute has passed: the table holds at most the addresses (IPv6: /64s)
 * seen within the last minute or two. The server's housekeeping calls it every minute.
 */
export function purgeSelfServiceLimits(db: Db, now = new Date()): number {
  return db.delete(selfServiceRateLimits).where(lt(selfServiceRateLimits.expire, now.getTime())).run().changes;
}
