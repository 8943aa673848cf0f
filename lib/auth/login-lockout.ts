import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { loginThrottle } from "@/db/schema";

export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const normalizeEmail = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : "");
const emailOf = (body: unknown) => normalizeEmail((body as { email?: unknown } | undefined)?.email);

/**
 * Counts the attempt as a failure BEFORE the password is checked: scrypt is asynchronous, so counting only
 * afterwards would let a parallel burst past the limit. A successful sign-in clears the count. Returns the
 * end of the lock when the account is locked.
 */
function chargeAttempt(email: string, now: Date): Date | null {
  return getDb().transaction(
    (tx) => {
      const row = tx.select().from(loginThrottle).where(eq(loginThrottle.email, email)).get();
      if (row?.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
      const fresh = !row || row.lockedUntil !== null || now.getTime() - row.firstFailureAt.getTime() > LOCKOUT.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const values = {
        email,
        failures,
        firstFailureAt: fresh ? now : row.firstFailureAt,
        // The last allowed attempt is still checked; the ones after it are refused.
        lockedUntil: failures >= LOCKOUT.maxFailures ? new Date(now.getTime() + LOCKOUT.lockMs) : null,
      };
      tx.insert(loginThrottle)
        .values(values)
        .onConflictDoUpdate({
          target: loginThrottle.email,
          set: {
            failures: sql`excluded.failures`,
            firstFailureAt: sql`excluded.first_failure_at`,
            lockedUntil: sql`excluded.locked_until`,
          },
        })
        .run();
      return null;
    },
    { behavior: "immediate" },
  );
}

export const lockoutBefore = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = emailOf(ctx.body);
  if (!email) return;
  const lockedUntil = chargeAttempt(email, new Date());
  if (lockedUntil) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { message: "Too many failed sign-in attempts for this account. Try again later.", code: "ACCOUNT_LOCKED" },
      { "Retry-After": String(Math.ceil((lockedUntil.getTime() - Date.now()) / 1000)) },
    );
  }
});

export const lockoutAfter = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email") return;
  const email = emailOf(ctx.body);
  const returned = ctx.context.returned;
  if (email && returned && !isAPIError(returned)) getDb().delete(loginThrottle).where(eq(loginThrottle.email, email)).run();
});
