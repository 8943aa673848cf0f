import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { bolnaSweep } from "@/db/schema";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import { API_TOKEN, api, createCandidate, startApiServer, uniquePhone } from "./support/auth-client";
import { waitForCandidate } from "./support/calls";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";

/**
 * Nothing Bolna did goes unseen: the production server sweeps the simulator's executions list every second. Every
 * webhook of these calls is dropped on purpose, and the reconciler is kept out of it (it waits 10 hours), so only
 * the sweep can bring them: calls Callboard placed, a call from Bolna's dashboard, through Bolna's 429s.
 */
const KEY = "sweep-test-bolna-key";
const AGENT = "9b1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
let simulator: BolnaSimulator;
let server: TestServer;
let db: Db;

beforeAll(async () => {
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 50, seed: 9, agentId: AGENT, dropWebhooks: true });
  server = await startApiServer({
    BOLNA_API_KEY: KEY,
    BOLNA_API_URL: simulator.url,
    BOLNA_AGENT_ID: AGENT,
    AUTH_SECRET: "sweep-test-auth-secret-0123456789abcdef",
    SEED_DEMO: "false",
    BOLNA_SWEEP_INTERVAL_SECONDS: "1",
    RECONCILE_AFTER_MINUTES: "600",
    RECONFIRM_HOURS_BEFORE: "0",
  });
  simulator.setWebhookUrl(`${server.url}/webhook`);
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await simulator?.close();
});

const callNow = (id: number) => api(server.url, `/api/candidates/${id}/call`, { method: "POST", token: API_TOKEN });
const sources = (history: { source: string }[]) => history.map((entry) => entry.source);

describe("the executions sweep", () => {
  it("recovers the outcome of calls whose every webhook was lost, with source sweep", async () => {
    const [confirmed, declined] = [await createCandidate(server.url), await createCandidate(server.url)];
    simulator.setScenario(confirmed.phone, "confirmed");
    simulator.setScenario(declined.phone, "declined");
    const placed = [await callNow(confirmed.id), await callNow(declined.id)];
    expect(placed.map((response) => response.status)).toEqual([202, 202]);
    const first = await waitForCandidate(server.url, confirmed.id, (body) => body.candidate.status === "confirmed", 20_000);
    const second = await waitForCandidate(server.url, declined.id, (body) => body.candidate.status === "declined", 20_000);
    for (const done of [first, second]) {
      expect(done.candidate.callStatus).toBe("completed");
      expect(sources(done.history)).toContain("sweep");
      expect(done.history.find((entry: { source: string }) => entry.source === "sweep").actor).toBe("bolna (sweep)");
    }
    // No webhook arrived: every event of these calls is the sweep's.
    const { json } = await api(server.url, `/api/candidates/${confirmed.id}`, { token: API_TOKEN });
    expect(json.calls[0].status).toBe("completed");
  });

  it("brings a call placed from Bolna's own dashboard to its candidate, through Bolna's 429s", async () => {
    const candidate = await createCandidate(server.url, { phone: uniquePhone() });
    simulator.setScenario(candidate.phone, "confirmed");
    simulator.failNext({ status: 429, message: "Too many requests", retryAfterSeconds: 1, times: 5 });
    const executionId = await simulator.placeFromDashboard({ to: candidate.phone, agentId: AGENT });
    const done = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.status === "confirmed", 30_000);
    expect(done.calls.map((call: { executionId: string }) => call.executionId)).toEqual([executionId]);
    expect(done.calls[0].placedBy ?? null).toBeNull();
  });

  it("keeps its watermark and state in the database", async () => {
    await vi.waitFor(
      () => {
        const state = db.select().from(bolnaSweep).get();
        expect(state?.lastRunAt).toBeTruthy();
        expect(state?.lastError ?? null).toBeNull();
        expect(state!.watermark.getTime()).toBeGreaterThan(Date.now() - 3600_000);
      },
      { timeout: 10_000 },
    );
  });
});
