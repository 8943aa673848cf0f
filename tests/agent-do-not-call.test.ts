import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { candidates } from "@/db/schema";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import { ADMIN, API_TOKEN, api, createCandidate, createUser, signIn, startApiServer, uniquePhone } from "./support/auth-client";
import { waitForCandidate } from "./support/calls";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";

/**
 * "Stop calling me" over HTTP on the production server in live mode: who may set and lift it, every way of
 * calling refused (call now, batches, reminders), Bolna's pending retries stopped, the outcome that sets it in
 * English and in Hindi, and the export that shows it.
 */
const KEY = "dnc-test-bolna-key";
const AGENT = "3a1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
let simulator: BolnaSimulator;
let server: TestServer;
let db: Db;
const cookies = { admin: "", recruiter: "" };

beforeAll(async () => {
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 50, seed: 5, agentId: AGENT });
  server = await startApiServer({
    BOLNA_API_KEY: KEY,
    BOLNA_API_URL: simulator.url,
    BOLNA_AGENT_ID: AGENT,
    AUTH_SECRET: "dnc-test-auth-secret-0123456789abcdef",
    SEED_DEMO: "false",
    BOLNA_SWEEP_INTERVAL_SECONDS: "0",
    // One retry, an hour after a call nobody answers (72 s at the simulator's speed): long enough to stop it.
    CALL_RETRIES: "1",
    CALL_RETRY_INTERVALS_MINUTES: "60",
    RECONFIRM_HOURS_BEFORE: "24",
  });
  simulator.setWebhookUrl(`${server.url}/webhook`);
  db = openTestDatabase(server.databasePath);
  const recruiter = {
    name: "Rafi Recruiter",
    email: "rafi@example.com",
    password: "recruiter-pass-22",
    role: "recruiter" as const,
  };
  await createUser(server.url, recruiter);
  cookies.admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  cookies.recruiter = await signIn(server.url, recruiter.email, recruiter.password);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await simulator?.close();
});

const origin = () => ({ origin: server.url });
const setDoNotCall = (id: number, body: unknown, as: "admin" | "recruiter") =>
  api(server.url, `/api/candidates/${id}/do-not-call`, { method: "PUT", body, cookie: cookies[as], headers: origin() });
const callNow = (id: number) => api(server.url, `/api/candidates/${id}/call`, { method: "POST", token: API_TOKEN });
const callsTo = (phone: string) => simulator.calls().filter((call) => call.recipientPhone === phone);
const inAnHour = () => new Date(Date.now() + 20 * 3600_000).toISOString();

describe("setting and lifting do-not-call", () => {
  it("a recruiter sets it with a reason; only an admin lifts it, with a reason; both are audited", async () => {
    const candidate = await createCandidate(server.url);
    expect((await setDoNotCall(candidate.id, { doNotCall: true }, "recruiter")).status).toBe(422);
    const set = await setDoNotCall(candidate.id, { doNotCall: true, reason: "Asked by e-mail" }, "recruiter");
    expect(set.status, set.text).toBe(200);
    expect(set.json.candidate).toMatchObject({
      doNotCall: true,
      doNotCallReason: "Asked by e-mail",
      doNotCallBy: "rafi@example.com",
    });
    const lift = await setDoNotCall(candidate.id, { doNotCall: false, reason: "Changed their mind" }, "recruiter");
    expect(lift.status).toBe(403);
    expect((await setDoNotCall(candidate.id, { doNotCall: false, reason: "" }, "admin")).status).toBe(422);
    const lifted = await setDoNotCall(candidate.id, { doNotCall: false, reason: "Asked us to call again" }, "admin");
    expect(lifted.json.candidate).toMatchObject({ doNotCall: false, doNotCallReason: null });
    const { history } = (await api(server.url, `/api/candidates/${candidate.id}`, { token: API_TOKEN })).json;
    expect(history.map((entry: { reason: string; actor: string }) => [entry.actor, entry.reason]).slice(-2)).toEqual([
      ["rafi@example.com", "Do not call: Asked by e-mail"],
      [ADMIN.email, "Do-not-call lifted: Asked us to call again"],
    ]);
  });
});

describe("a do-not-call candidate is never called", () => {
  it("call now: 409 do_not_call, and Bolna is never asked", async () => {
    const candidate = await createCandidate(server.url);
    await setDoNotCall(candidate.id, { doNotCall: true, reason: "Asked not to be called" }, "recruiter");
    const refused = await callNow(candidate.id);
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe("do_not_call");
    expect(callsTo(candidate.phone)).toHaveLength(0);
  });

  it("batches: naming them is 409 do_not_call; all pending leaves them out", async () => {
    const marked = await createCandidate(server.url, { interviewAt: inAnHour() });
    const other = await createCandidate(server.url, { interviewAt: inAnHour() });
    simulator.setScenario(other.phone, { name: "confirmed", dropWebhooks: true });
    await setDoNotCall(marked.id, { doNotCall: true, reason: "Asked not to be called" }, "recruiter");
    const named = await api(server.url, "/api/batches", {
      method: "POST",
      token: API_TOKEN,
      body: { candidateIds: [other.id, marked.id] },
    });
    expect(named.status).toBe(409);
    expect(named.json.error?.code).toBe("do_not_call");
    const all = await api(server.url, "/api/batches", {
      method: "POST",
      token: API_TOKEN,
      body: { allPending: true, pacingMs: 0 },
    });
    expect(all.status).toBe(201);
    const ids = all.json.batch.items.map((item: { candidateId: number }) => item.candidateId);
    expect(ids).toContain(other.id);
    expect(ids).not.toContain(marked.id);
    await vi.waitFor(() => expect(callsTo(other.phone).length).toBeGreaterThan(0), { timeout: 15_000 });
    expect(callsTo(marked.phone)).toHaveLength(0);
  });

  it("reminders: the confirmed candidate who asked not to be called gets none; the other does", async () => {
    const [marked, other] = [
      await createCandidate(server.url, { interviewAt: inAnHour() }),
      await createCandidate(server.url, { interviewAt: inAnHour() }),
    ];
    await setDoNotCall(marked.id, { doNotCall: true, reason: "Asked not to be called" }, "recruiter");
    for (const candidate of [marked, other]) {
      simulator.setScenario(candidate.phone, { name: "confirmed", dropWebhooks: true });
      const confirmed = await api(server.url, `/api/candidates/${candidate.id}/status`, {
        method: "PUT",
        token: API_TOKEN,
        body: { status: "confirmed", reason: "Confirmed by e-mail" },
      });
      expect(confirmed.status).toBe(200);
      // Confirmed before the reminder window opened: a confirmation within it needs no reminder.
      db.update(candidates)
        .set({ statusChangedAt: new Date(Date.now() - 48 * 3600_000) })
        .where(eq(candidates.id, candidate.id))
        .run();
    }
    // The reminder job runs every 5 s and backs off after a failed run; on a busy machine one failed run puts
    // the next one 10 s later, so the wait allows two such runs.
    await vi.waitFor(() => expect(callsTo(other.phone).map((call) => call.userData.purpose)).toEqual(["reconfirmation"]), {
      timeout: 45_000,
      interval: 200,
    });
    expect(callsTo(marked.phone)).toHaveLength(0);
  }, 60_000);

  it("Bolna's pending retry is stopped when the mark is set", async () => {
    const candidate = await createCandidate(server.url, { phone: uniquePhone() });
    simulator.setScenario(candidate.phone, "no-answer");
    const { json } = await callNow(candidate.id);
    await waitForCandidate(server.url, candidate.id, (body) => body.candidate.nextAttemptAt !== null);
    const set = await setDoNotCall(candidate.id, { doNotCall: true, reason: "Asked not to be called" }, "recruiter");
    expect(set.json.stoppedCalls).toEqual([json.executionId]);
    expect(simulator.calls().find((call) => call.executionId === json.executionId)?.execution.status).toBe("stopped");
  });
});

describe("asked on the call", () => {
  it.each([
    ["en", "Please stop calling me."],
    ["hi", "कृपया मुझे दोबारा कॉल मत कीजिए।"],
  ])("in %s: the call's outcome marks them do-not-call, and the export shows it", async (language, words) => {
    const candidate = await createCandidate(server.url, { language });
    simulator.setScenario(candidate.phone, "stop-calling");
    const { json } = await callNow(candidate.id);
    const done = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.doNotCall === true);
    expect(done.candidate.doNotCallReason).toMatch(/^Asked on a call not to be called again/);
    expect(done.calls[0].transcript).toContain(words);
    expect(simulator.calls().find((call) => call.executionId === json.executionId)?.userData.agent_language).toBe(language);
    const csv = await api(server.url, `/api/candidates/export?q=${encodeURIComponent(candidate.name)}`, { token: API_TOKEN });
    const [header, row] = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const cells = Object.fromEntries(header!.split(",").map((column, i) => [column, row!.split(",")[i]]));
    expect(cells).toMatchObject({ language, do_not_call: "yes" });
    expect((await callNow(candidate.id)).json.error?.code).toBe("do_not_call");
  });
});
