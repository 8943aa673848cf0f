import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { calls, candidates } from "@/db/schema";
import { createBolnaClient, type BolnaClient } from "@/lib/bolna/client";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import { ApiError } from "@/lib/http/api-error";
import { auditFor, insertCandidate, openTestDatabase } from "@/tests/support/database";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { endUnknownCall } from "./end-unknown-call";

// Bolna is the local simulator over HTTP, the real client talks to it; the database is a real SQLite file.
const KEY = "end-call-test-key";
const QUIET = 5 * 60_000;
const actor = { kind: "user", id: "u1", label: "rita@example.com", role: "recruiter" } as const;
let db: Db;
let simulator: BolnaSimulator;
let client: BolnaClient;

beforeAll(async () => {
  db = openTestDatabase(tempDatabasePath("end-call"));
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 1 });
  client = createBolnaClient({ baseUrl: simulator.url, apiKey: KEY, agentId: "agent-1", maxRetries: 0 });
});

afterAll(async () => {
  await simulator?.close();
  db?.$client.close();
});

/** A candidate being called, whose latest call last reported `quietFor` ms ago with `status`. */
function callingCandidate(executionId: string, quietFor: number, status = "queued") {
  const heard = new Date(Date.now() - quietFor);
  const candidate = insertCandidate(db, {
    status: "calling",
    callStatus: status,
    interviewAt: new Date(Date.now() + 86_400_000),
  });
  const call = db
    .insert(calls)
    .values({ executionId, candidateId: candidate.id, status, lastEventAt: heard, createdAt: heard, updatedAt: heard })
    .returning()
    .get();
  db.update(candidates).set({ latestCallId: call.id }).where(eq(candidates.id, candidate.id)).run();
  return candidate;
}

const end = (executionId: string) =>
  endUnknownCall(db, client, executionId, { actor, quietMs: QUIET, timezone: "UTC", defaultCountry: "IN" });

const code = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof ApiError ? error.code : String(error);
  }
};

describe("endUnknownCall", () => {
  it("marks a call Bolna has no record of as ended, and the candidate pending, audited", async () => {
    const candidate = callingCandidate("never-placed-1", QUIET + 1000);
    expect(await end("never-placed-1")).toMatchObject({ result: "ended" });
    expect(db.select().from(calls).where(eq(calls.executionId, "never-placed-1")).get()).toMatchObject({
      status: "stopped",
      outcome: "pending",
    });
    const after = db.select().from(candidates).where(eq(candidates.id, candidate.id)).get()!;
    expect(after).toMatchObject({
      status: "pending",
      callStatus: "stopped",
      statusReason: "Call ended by rita@example.com; Bolna had no record of it",
    });
    expect(auditFor(db, candidate.id).map((entry) => [entry.fromStatus, entry.toStatus, entry.source, entry.actor])).toEqual([
      ["calling", "pending", "manual", "rita@example.com"],
    ]);
  });

  it("stops a call Bolna still has scheduled, instead of forgetting it", async () => {
    const ack = await client.placeCall({
      recipientPhone: "+919812300001",
      userData: {},
      scheduledAt: new Date(Date.now() + 3_600_000),
    });
    expect(ack.status).toBe("scheduled");
    callingCandidate(ack.executionId, QUIET + 1000, "scheduled");
    expect(await end(ack.executionId)).toMatchObject({ result: "stopped" });
    expect(simulator.calls().find((call) => call.executionId === ack.executionId)?.execution.status).toBe("stopped");
    expect(db.select().from(calls).where(eq(calls.executionId, ack.executionId)).get()?.status).toBe("stopped");
  });

  it("refuses while Bolna spoke recently, and for a call that has ended", async () => {
    callingCandidate("recent-1", 1000);
    expect(await code(end("recent-1"))).toBe("call_not_stuck");
    callingCandidate("done-1", QUIET + 1000, "completed");
    expect(await code(end("done-1"))).toBe("call_not_stuck");
    expect(await code(end("no-such-call"))).toBe("not_found");
  });
});
