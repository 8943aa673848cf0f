import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { signInThrottle } from "@/db/schema";
import { openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { addressKey } from "@/lib/http/address-key";
import {
  accountLocks,
  chargeSignIn,
  purgeSignInThrottle,
  settleSuccess,
  SIGN_IN_LIMITS,
  unlockAccount,
  type SignInAttempt,
} from "./sign-in-throttle";

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("sign-in-throttle"));
});
afterAll(() => db.$client.close());

let people = 0;
const newEmail = () => `person${++people}@example.com`;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 9, 0) + minutes * 60_000);
// As lib/auth/sign-in.ts does: counted by the address's key (an IPv6 address by its /64).
const from = (email: string, address: string, device: string | null = null): SignInAttempt => ({
  email,
  address: addressKey(address)!,
  device,
});

/** `times` failed attempts (charged, never settled), each a second after the last; the refusals they met. */
function fail(attempt: SignInAttempt, times: number, start = at(0)) {
  return Array.from({ length: times }, (_, i) => chargeSignIn(db, attempt, new Date(start.getTime() + i * 1000)));
}

describe("chargeSignIn", () => {
  it(`refuses an address's attempt number ${SIGN_IN_LIMITS.address.max + 1} within a minute, for any account`, () => {
    const address = "198.51.100.1";
    const results = Array.from({ length: SIGN_IN_LIMITS.address.max + 1 }, (_, i) =>
      chargeSignIn(db, from(newEmail(), address), new Date(at(0).getTime() + i * 100)),
    );
    expect(results.slice(0, -1)).toEqual(Array(SIGN_IN_LIMITS.address.max).fill(null));
    expect(results.at(-1)).toMatchObject({ reason: "address" });
    expect(results.at(-1)!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // A minute later the address starts over.
    expect(chargeSignIn(db, from(newEmail(), address), at(1.1))).toBeNull();
  });

  it("counts an IPv6 client by its /64, so rotating addresses within it does not escape", () => {
    const results = Array.from({ length: SIGN_IN_LIMITS.address.max + 1 }, (_, i) =>
      chargeSignIn(db, from(newEmail(), `2001:db8:77:1::${(i + 1).toString(16)}`), at(0)),
    );
    expect(results.at(-1)).toMatchObject({ reason: "address" });
    expect(chargeSignIn(db, from(newEmail(), "2001:db8:77:2::1"), at(0))).toBeNull();
  });

  it("locks an account for one address after 5 failures from it, not for the owner elsewhere", () => {
    const email = newEmail();
    expect(fail(from(email, "198.51.100.2"), SIGN_IN_LIMITS.client.max)).toEqual(Array(5).fill(null));
    const locked = chargeSignIn(db, from(email, "198.51.100.2"), at(1));
    expect(locked).toMatchObject({ reason: "client" });
    expect(locked!.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(chargeSignIn(db, from(email, "203.0.113.50"), at(1))).toBeNull();
    // 15 minutes after the lock the address may try again.
    expect(chargeSignIn(db, from(email, "198.51.100.2"), at(16))).toBeNull();
  });

  it("locks an account for unknown browsers after 20 failures from anywhere, never for a known one", () => {
    const email = newEmail();
    for (let i = 0; i < SIGN_IN_LIMITS.account.max / 4; i++) fail(from(email, `192.0.2.${i + 1}`), 4);
    const stranger = chargeSignIn(db, from(email, "192.0.2.200"), at(2));
    expect(stranger).toMatchObject({ reason: "account" });
    expect(stranger!.retryAfterSeconds).toBeGreaterThan(12 * 60);
    expect(accountLocks(db, email, at(2)).account).not.toBeNull();
    // The owner's browser, from one of the attackers' addresses even.
    expect(chargeSignIn(db, from(email, "192.0.2.1", "owner-device-0000000000"), at(2))).toBeNull();
  });

  it("forgets a client's failures after a success, and gives the account its charge back", () => {
    const email = newEmail();
    const attempt = from(email, "198.51.100.3");
    fail(attempt, 4);
    expect(chargeSignIn(db, attempt, at(1))).toBeNull();
    settleSuccess(db, attempt);
    expect(fail(attempt, 4, at(2))).toEqual(Array(4).fill(null));
    const rows = db.select().from(signInThrottle).all();
    expect(rows.find((row) => row.key === `account:${email}`)?.count).toBe(8);
  });

  it("lets an admin lift every lock of an account", () => {
    const email = newEmail();
    fail(from(email, "198.51.100.4"), 5);
    for (let i = 0; i < 4; i++) fail(from(email, `192.0.2.${100 + i}`), 4);
    expect(accountLocks(db, email, at(1))).toEqual({ account: expect.any(Date), someClient: expect.any(Date) });
    expect(unlockAccount(db, email.toUpperCase())).toBeGreaterThanOrEqual(6);
    expect(accountLocks(db, email, at(1))).toEqual({ account: null, someClient: null });
    expect(chargeSignIn(db, from(email, "198.51.100.4"), at(1))).toBeNull();
  });

  it("does not lift the locks of an account whose email starts the same", () => {
    const email = newEmail();
    const longer = email.replace("@", "x@");
    fail(from(longer, "198.51.100.5"), 5);
    unlockAccount(db, email);
    expect(accountLocks(db, longer, at(1)).someClient).not.toBeNull();
  });
});

describe("purgeSignInThrottle", () => {
  it("deletes only counters whose window and lock have both ended", () => {
    const email = newEmail();
    fail(from(email, "198.51.100.6"), 5, at(0));
    const before = db.select({ n: count() }).from(signInThrottle).get()!.n;
    // The lock (15 minutes from the fifth failure) still holds at minute 14, not at minute 16.
    purgeSignInThrottle(db, at(14));
    expect(accountLocks(db, email, at(14)).someClient).not.toBeNull();
    purgeSignInThrottle(db, at(24 * 60));
    expect(db.select({ n: count() }).from(signInThrottle).get()!.n).toBeLessThan(before);
    expect(db.select().from(signInThrottle).all()).toEqual([]);
  });
});
