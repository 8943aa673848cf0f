import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { applyExecution } from "@/lib/calls/apply-execution";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { deliveryOf } from "@/tests/support/lifecycle";
import { loadPayload, retarget } from "@/tests/support/payloads";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { listUnmatched } from "./inbox";
import { capUnmatchedDeliveries } from "./unmatched-retention";

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("unmatched-retention"));
});
afterAll(() => db.$client.close());

const DAY = 24 * 60 * 60 * 1000;
let sequence = 0;

/** Delivers a body of about `padding` extra characters for a phone; returns the event id. */
function deliver(phone: string, receivedAt: Date, padding = 0, executionId: string = crypto.randomUUID()) {
  sequence += 1;
  const body = { ...retarget(loadPayload("05-completed-confirmed"), executionId, phone), padding: "p".repeat(padding) };
  return applyExecution(db, deliveryOf(body, receivedAt), { timezone: "UTC", defaultCountry: "IN" }).eventId;
}

const exists = (id: number) => db.select().from(webhookEvents).where(eq(webhookEvents.id, id)).get() !== undefined;
const unmatchedPhone = () => `+9198765${String(40000 + sequence).padStart(5, "0")}`;

describe("capUnmatchedDeliveries", () => {
  it("removes unmatched deliveries older than the retention, and keeps recent and matched ones", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const candidate = insertCandidate(db);
    const matched = deliver(candidate.phone, new Date(now.getTime() - 90 * DAY));
    const oldExecution = crypto.randomUUID();
    const phone = unmatchedPhone();
    const old = deliver(phone, new Date(now.getTime() - 31 * DAY), 0, oldExecution);
    const repeat = deliver(phone, new Date(now.getTime() - 31 * DAY), 0, oldExecution);
    const recent = deliver(unmatchedPhone(), new Date(now.getTime() - 29 * DAY));

    expect(capUnmatchedDeliveries(db, now)).toBe(2);
    expect([exists(old), exists(repeat), exists(recent), exists(matched)]).toEqual([false, false, true, true]);
  });

  it("keeps the bodies of unmatched deliveries within their byte budget, dropping the oldest first", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    const ids = Array.from({ length: 6 }, (_, i) => deliver(unmatchedPhone(), new Date(now.getTime() - (6 - i) * 1000), 100_000));
    capUnmatchedDeliveries(db, now, { retentionDays: 30, maxBodyBytes: 350_000 });
    expect(ids.map(exists)).toEqual([false, false, false, true, true, true]);
  });
});

describe("listUnmatched", () => {
  it("reads only the start of each body and its phones without parsing it in JavaScript", () => {
    const phone = unmatchedPhone();
    const id = deliver(phone, new Date(), 900_000);
    const delivery = listUnmatched(db).find((entry) => entry.id === id)!;
    expect(delivery.rawBody.length).toBe(4_000);
    expect(delivery.rawBodyBytes).toBeGreaterThan(900_000);
    expect(delivery.rawBodyCut).toBe(true);
    expect(delivery.phones).toEqual([phone]);
  });
});
