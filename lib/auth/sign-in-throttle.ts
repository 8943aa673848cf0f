import { and, eq, gte, lt, or } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signInThrottle } from "@/db/schema";

const MINUTE = 60_000;

/**
 * Every sign-in, whichever way it comes in (lib/auth/sign-in.ts), is counted in SQLite, so the page's server
 * action and `/api/auth/sign-in/email` share one count (in-memory counters are per module copy in Next).
 *
 * - address: 30 attempts a minute from one client address (an IPv6 client counts by its /64);
 * - client: 5 failures of one account from one client (a known browser, else the address) lock that pair for
 *   15 minutes; the owner elsewhere is not affected;
 * - account: 20 failures of one account within 15 minutes from clients it has never signed in from lock it for
 *   such clients for 15 minutes. A browser it signed in from before (lib/auth/known-device.ts) is never held by
 *   this lock, so strangers cannot keep the owner out; an admin can lift any lock (unlockAccount).
 */
export const SIGN_IN_LIMITS = {
  address: { max: 30, windowMs: MINUTE },
  client: { max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  account: { max: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const;

/**
 * Who is trying: the normalised email, the client's address key (lib/http/address-key.ts: an IPv6 client counts
 * by its /64), and a known browser's id. A client whose address cannot be told is refused before this.
 */
export type SignInAttempt = { email: string; address: string; device: string | null };

export type SignInRefusal = { reason: "address" | "client" | "account"; retryAfterSeconds: number };

const keys = (attempt: SignInAttempt) => ({
  address: `address:${attempt.address}`,
  client: `client:${attempt.email} ${attempt.device ? `device:${attempt.device}` : `address:${attempt.address}`}`,
  account: `account:${attempt.email}`,
});

type Limit = { max: number; windowMs: number; lockMs?: number };

const activeLock = (tx: Tx, key: string, now: Date): Date | null => {
  const row = tx
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(eq(signInThrottle.key, key))
    .get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
};

/**
 * Adds one to a counter. The attempt that reaches `max` still goes ahead; it sets the lock that refuses the next
 * ones: until the window ends (no lockMs), or for lockMs. A window or a lock that ran out starts a new count.
 */
function bump(tx: Tx, key: string, limit: Limit, now: Date): void {
  const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  const fresh = !row || row.lockedUntil !== null || now.getTime() - row.windowStartedAt.getTime() >= limit.windowMs;
  const count = fresh ? 1 : row.count + 1;
  const windowStartedAt = fresh ? now : row.windowStartedAt;
  const windowEnd = windowStartedAt.getTime() + limit.windowMs;
  const lockedUntil = count >= limit.max ? new Date(limit.lockMs ? now.getTime() + limit.lockMs : windowEnd) : null;
  const values = { count, windowStartedAt, lockedUntil, expiresAt: new Date(Math.max(windowEnd, lockedUntil?.getTime() ?? 0)) };
  tx.insert(signInThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: signInThrottle.key, set: values })
    .run();
}

const refusal = (reason: SignInRefusal["reason"], until: Date, now: Date): SignInRefusal => ({
  reason,
  retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
});

/**
 * Charges an attempt BEFORE the password is checked, as a failure: scrypt is asynchronous, so counting only
 * afterwards would let a parallel burst past every limit. `settleSuccess` takes the failure back. Returns why
 * the attempt is refused, or null to go ahead.
 */
export function chargeSignIn(db: Db, attempt: SignInAttempt, now = new Date()): SignInRefusal | null {
  const key = keys(attempt);
  return db.transaction(
    (tx) => {
      const addressLock = activeLock(tx, key.address, now);
      if (addressLock) return refusal("address", addressLock, now);
      bump(tx, key.address, SIGN_IN_LIMITS.address, now);
      const clientLock = activeLock(tx, key.client, now);
      if (clientLock) return refusal("client", clientLock, now);
      const accountLock = attempt.device ? null : activeLock(tx, key.account, now);
      if (accountLock) return refusal("account", accountLock, now);
      bump(tx, key.client, SIGN_IN_LIMITS.client, now);
      if (!attempt.device) bump(tx, key.account, SIGN_IN_LIMITS.account, now);
      return null;
    },
    { behavior: "immediate" },
  );
}

/** The password was right: the client's failures are forgotten and the account's charge is given back. */
export function settleSuccess(db: Db, attempt: SignInAttempt): void {
  const key = keys(attempt);
  db.transaction(
    (tx) => {
      tx.delete(signInThrottle).where(eq(signInThrottle.key, key.client)).run();
      if (attempt.device) return;
      const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key.account)).get();
      if (!row) return;
      const count = Math.max(0, row.count - 1);
      tx.update(signInThrottle)
        .set({ count, lockedUntil: count >= SIGN_IN_LIMITS.account.max ? row.lockedUntil : null })
        .where(eq(signInThrottle.key, key.account))
        .run();
    },
    { behavior: "immediate" },
  );
}

/** Lifts every lock and count of one account (an admin's "unlock"); returns how many rows went. */
export function unlockAccount(db: Db | Tx, email: string): number {
  const normalised = normaliseEmail(email);
  return db.delete(signInThrottle).where(ofAccount(normalised)).run().changes;
}

/** Until when an account is locked: for new clients (`account`), or for at least one client (`someClient`). */
export function accountLocks(db: Db, email: string, now = new Date()): { account: Date | null; someClient: Date | null } {
  const normalised = normaliseEmail(email);
  const rows = db
    .select({ key: signInThrottle.key, lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(ofAccount(normalised))
    .all();
  let account: Date | null = null;
  let someClient: Date | null = null;
  for (const row of rows) {
    if (!row.lockedUntil || row.lockedUntil <= now) continue;
    if (row.key.startsWith("account:")) account = row.lockedUntil;
    else if (!someClient || row.lockedUntil > someClient) someClient = row.lockedUntil;
  }
  return { account, someClient };
}

/** Deletes counters whose window and lock have both run out. The background work calls it every minute. */
export function purgeSignInThrottle(db: Db, now = new Date()): number {
  return db.delete(signInThrottle).where(lt(signInThrottle.expiresAt, now)).run().changes;
}

/** The form of an email every counter keys on. Callers bound it first (at most 254 characters). */
export function normaliseEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

// An email holds no space: every `client:<email> …` key sorts between "<email> " and "<email>!".
const ofAccount = (email: string) =>
  or(
    eq(signInThrottle.key, `account:${email}`),
    and(gte(signInThrottle.key, `client:${email} `), lt(signInThrottle.key, `client:${email}!`)),
  );
