import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { insertCandidate, openTestDatabase } from "@/tests/support/database";
import { deliveryOf } from "@/tests/support/lifecycle";
import { loadPayload, retarget } from "@/tests/support/payloads";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { applyExecution } from "./apply-execution";

let db: Db;
beforeAll(() => {
  db = openTestDatabase(tempDatabasePath("latest-call-unclear"));
});
afterAll(() => db.$client.close());

const config = { timezone: "UTC", defaultCountry: "IN", reviewBelow: 0 };
const unclearFlag = (id: number) => db.select().from(candidates).where(eq(candidates.id, id)).get()!.latestCallUnclear;

/** A completed call in which the candidate spoke but nothing was decided: no extraction, no clear words. */
function unclearBody(phone: string) {
  const body = retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), phone) as Record<string, unknown>;
  return { ...body, extracted_data: null, transcript: "assistant: Can you attend the interview?\nuser: hmm, let me see" };
}

describe("the candidate's copy of whether their latest call decided nothing", () => {
  it("follows the latest call: set by an unclear answer, cleared by a clear one", () => {
    const candidate = insertCandidate(db);
    applyExecution(db, deliveryOf(unclearBody(candidate.phone)), config);
    const call = db.select().from(calls).where(eq(calls.candidateId, candidate.id)).get()!;
    expect(call).toMatchObject({ outcome: "pending" });
    expect(call.conversationSeconds).toBeGreaterThan(0);
    expect(unclearFlag(candidate.id)).toBe(true);

    // A newer call (placed a day later) decides.
    const clear = retarget(loadPayload("05-completed-confirmed"), crypto.randomUUID(), candidate.phone) as Record<
      string,
      unknown
    >;
    const later = (time: unknown) =>
      String(time).replace(/^(\d{4}-\d{2}-)(\d{2})/, (_, month, day) => `${month}${String(Number(day) + 1).padStart(2, "0")}`);
    applyExecution(
      db,
      deliveryOf({ ...clear, created_at: later(clear.created_at), updated_at: later(clear.updated_at) }),
      config,
    );
    expect(unclearFlag(candidate.id)).toBe(false);
  });
});
