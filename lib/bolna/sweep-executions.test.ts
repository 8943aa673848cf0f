import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { bolnaSweep, calls, webhookEvents } from "@/db/schema";
import { tempDatabasePath } from "@/tests/support/temp-database";
import { insertCandidate } from "@/tests/support/database";
import { createBolnaClient, type BolnaClient } from "./client";
import { startBolnaSimulator, type BolnaSimulator } from "./simulator/create-simulator";
import { sweepExecutions, SWEEP_PAGE_SIZE, type SweepConfig } from "./sweep-executions";

const KEY = "sweep-unit-key";
const AGENT = "1d1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
const HOUR = 3600_000;
const config: SweepConfig = { timezone: "UTC", defaultCountry: "IN", firstLookBackMs: 24 * HOUR, reviewBelow: 0 };

let simulator: BolnaSimulator;
let client: BolnaClient;
let db: Db;

beforeEach(async () => {
  // No webhook target: every execution is one Callboard never heard of.
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 1000, seed: 3, agentId: AGENT });
  client = createBolnaClient({ baseUrl: simulator.url, apiKey: KEY, agentId: AGENT, sleep: async () => {} });
  db = openDatabase(tempDatabasePath("sweep"), "OFF");
});

afterEach(async () => {
  db.$client.close();
  await simulator.close();
});

async function finishedCalls(count: number, phone: (i: number) => string) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await simulator.placeFromDashboard({ to: phone(i), scenario: "busy" }));
  // "busy" ends 5 s (simulated) after the call starts: 5 ms at this speed.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return ids;
}

describe("sweepExecutions", () => {
  it("pages past 50 rows with has_more and applies every execution it had not heard of, once", async () => {
    const ids = await finishedCalls(SWEEP_PAGE_SIZE + 7, (i) => `+9198765${String(i).padStart(5, "0")}`);
    const first = await sweepExecutions(db, client, config);
    expect(first).toMatchObject({ pages: 2, seen: ids.length, applied: ids.length, finished: true });
    const stored = db.select({ executionId: webhookEvents.executionId, source: webhookEvents.source }).from(webhookEvents).all();
    expect(new Set(stored.map((event) => event.executionId))).toEqual(new Set(ids));
    expect(new Set(stored.map((event) => event.source))).toEqual(new Set(["sweep"]));
    // Heard now: a second sweep fetches nothing.
    expect((await sweepExecutions(db, client, config)).applied).toBe(0);
  });

  it("matches a candidate's executions by number, and moves the watermark to the pass's end once all are final", async () => {
    const candidate = insertCandidate(db);
    await finishedCalls(1, () => candidate.phone);
    const before = Date.now();
    const result = await sweepExecutions(db, client, config);
    expect(result).toMatchObject({ applied: 1, finished: true });
    expect(
      db
        .select()
        .from(calls)
        .all()
        .map((call) => call.candidateId),
    ).toEqual([candidate.id]);
    const state = db.select().from(bolnaSweep).get()!;
    expect(state.watermark.getTime()).toBeGreaterThanOrEqual(before);
    expect(state).toMatchObject({ passPage: null, lastApplied: 1 });
  });

  it("leaves an execution from before its candidate was added to that candidate's past (a deleted, re-added one)", async () => {
    await finishedCalls(1, () => "+919812399999");
    insertCandidate(db, { phone: "+919812399999", createdAt: new Date(Date.now() + 1000) });
    await sweepExecutions(db, client, config);
    expect(db.select().from(calls).all()).toEqual([]);
  });

  it("keeps its place through Bolna's 429s: the pass resumes at its page on the next run", async () => {
    await finishedCalls(SWEEP_PAGE_SIZE + 3, (i) => `+9198766${String(i).padStart(5, "0")}`);
    const limited = createBolnaClient({
      baseUrl: simulator.url,
      apiKey: KEY,
      agentId: AGENT,
      maxRetries: 0,
      sleep: async () => {},
    });
    const firstPageOnly = await sweepExecutions(db, limited, { ...config, maxPages: 1 });
    expect(firstPageOnly).toMatchObject({ pages: 1, finished: false });
    expect(db.select().from(bolnaSweep).get()?.passPage).toBe(2);
    simulator.failNext({ status: 429, message: "Too many requests", retryAfterSeconds: 1 });
    await expect(sweepExecutions(db, limited, config)).rejects.toMatchObject({ status: 429 });
    expect(db.select().from(bolnaSweep).get()).toMatchObject({ passPage: 2, lastError: expect.any(String) });
    const resumed = await sweepExecutions(db, limited, config);
    expect(resumed).toMatchObject({ pages: 1, applied: 3, finished: true });
    expect(db.select().from(bolnaSweep).get()).toMatchObject({ passPage: null, lastError: null });
  });
});
