import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates, outboxMessages, selfServiceLinks, statusChanges, webhookEvents } from "@/db/schema";
import { applyExecution } from "@/lib/calls/apply-execution";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { deliveryOf } from "@/tests/support/lifecycle";
import { loadPayload, retarget } from "@/tests/support/payloads";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { purgePersonalData } from "./purge-personal-data";

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("retention"));
});
afterAll(() => db.$client.close());

function deliver(candidatePhone: string, receivedAt: Date) {
  const body = retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), candidatePhone);
  applyExecution(db, deliveryOf(body, receivedAt), { timezone: "UTC", defaultCountry: "IN" });
  return body.id;
}

describe("purgePersonalData", () => {
  it("removes what old calls said and keeps statuses, outcomes and the audit trail", async () => {
    const old = insertCandidate(db);
    const recent = insertCandidate(db);
    const now = new Date("2026-06-01T00:00:00Z");
    const oldExecution = deliver(old.phone, new Date("2026-01-01T00:00:00Z"));
    const recentExecution = deliver(recent.phone, new Date("2026-05-30T00:00:00Z"));

    const purged = await purgePersonalData(db, 90, now);
    expect(purged).toEqual({ calls: 1, events: 1, messages: 0, links: 0 });

    const oldCall = db.select().from(calls).where(eq(calls.executionId, oldExecution)).get()!;
    expect(oldCall).toMatchObject({
      transcript: null,
      summary: null,
      recordingUrl: null,
      extractedData: null,
      confidenceEvidence: null,
      outcome: "confirmed",
      confidence: 0.95,
      status: "completed",
    });
    expect(db.select().from(webhookEvents).where(eq(webhookEvents.executionId, oldExecution)).get()?.rawBody).toBeNull();
    expect(db.select().from(candidates).where(eq(candidates.id, old.id)).get()?.status).toBe("confirmed");
    expect(db.select().from(statusChanges).where(eq(statusChanges.candidateId, old.id)).all()).toHaveLength(1);

    const recentCall = db.select().from(calls).where(eq(calls.executionId, recentExecution)).get()!;
    expect(recentCall.transcript).toContain("user:");
    expect(recentCall.recordingUrl).toMatch(/^https:/);
    expect(recentCall.confidenceEvidence?.length).toBeGreaterThan(0);

    expect(await purgePersonalData(db, 90, now)).toEqual({ calls: 0, events: 0, messages: 0, links: 0 });
  });

  it("deletes old messages to candidates (not those still queued) and links that expired before the cutoff", async () => {
    const candidate = insertCandidate(db);
    const now = new Date("2026-06-01T00:00:00Z");
    const old = new Date("2026-01-01T00:00:00Z");
    const message = { candidateId: candidate.id, kind: "confirmed", toAddress: "a@example.com", subject: "s", body: "b" };
    db.insert(outboxMessages)
      .values([
        { ...message, state: "sent", createdAt: old },
        { ...message, state: "queued", createdAt: old },
        { ...message, state: "unsent", createdAt: now },
      ])
      .run();
    const link = { candidateId: candidate.id, maxChanges: 2, createdBy: "test", createdAt: old };
    db.insert(selfServiceLinks)
      .values([
        { ...link, tokenHash: crypto.randomUUID(), expiresAt: old },
        { ...link, tokenHash: crypto.randomUUID(), expiresAt: now },
      ])
      .run();
    expect(await purgePersonalData(db, 90, now)).toEqual({ calls: 0, events: 0, messages: 1, links: 1 });
    expect(
      db
        .select()
        .from(outboxMessages)
        .all()
        .map((row) => row.state),
    ).toEqual(["queued", "unsent"]);
    expect(db.select().from(selfServiceLinks).all()).toHaveLength(1);
  });

  it("purges any number of old calls, 500 at a time, and leaves a call of the same age that spoke since", async () => {
    const old = new Date("2025-01-01T00:00:00Z");
    const rows = Array.from({ length: 1_201 }, (_, i) => ({
      executionId: `old-${i}`,
      candidateId: insertCandidate(db).id,
      transcript: "user: yes",
      createdAt: old,
      updatedAt: i === 0 ? new Date("2025-06-01T00:00:00Z") : old,
    }));
    db.transaction((tx) => {
      for (const row of rows) tx.insert(calls).values(row).run();
    });
    const purged = await purgePersonalData(db, 90, new Date("2025-06-15T00:00:00Z"));
    expect(purged.calls).toBe(1_200);
    const kept = db.select({ executionId: calls.executionId }).from(calls).where(eq(calls.transcript, "user: yes")).all();
    expect(kept).toEqual([{ executionId: "old-0" }]);
  });
});
