import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { candidates, outboxMessages } from "@/db/schema";
import { startBolnaSimulator, type BolnaSimulator } from "@/lib/bolna/simulator/create-simulator";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  createSlot,
  signIn,
  startApiServer,
  uniqueInstant,
  uniquePhone,
} from "./support/auth-client";
import { waitForCandidate } from "./support/calls";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

/**
 * The agent on the line, over HTTP on the production server in live mode, against the simulator configured as a
 * Bolna agent with Callboard's tools: who may call the tools, slots and booking (a race at capacity 1), the
 * webhook that follows a booking, the inbound look-up and call-backs, and the language sent with every call.
 */
const KEY = "agent-test-bolna-key";
const AGENT = "7f1c2f4e-0a8b-4c5d-9e6f-1a2b3c4d5e6f";
const AGENT_TOKEN = "agent-tool-token-0123456789abcdef";
const ZONE = "Asia/Kolkata";
let simulator: BolnaSimulator;
let server: TestServer;
let db: Db;
let adminCookie: string;

beforeAll(async () => {
  simulator = await startBolnaSimulator({ apiKey: KEY, speed: 50, seed: 22, agentId: AGENT });
  server = await startApiServer({
    BOLNA_API_KEY: KEY,
    BOLNA_API_URL: simulator.url,
    BOLNA_AGENT_ID: AGENT,
    AGENT_TOOL_TOKEN: AGENT_TOKEN,
    AGENT_CALLER_RATE_LIMIT: "40",
    AUTH_SECRET: "agent-test-auth-secret-0123456789abcdef",
    INTERVIEW_TIMEZONE: ZONE,
    SEED_DEMO: "false",
    BOLNA_SWEEP_INTERVAL_SECONDS: "0",
    RECONFIRM_HOURS_BEFORE: "0",
  });
  simulator.setWebhookUrl(`${server.url}/webhook`);
  simulator.setAgentTools({ baseUrl: server.url, token: AGENT_TOKEN });
  db = openTestDatabase(server.databasePath);
  adminCookie = await signIn(server.url, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await simulator?.close();
});

const asAgent = { token: AGENT_TOKEN };
const callNow = (id: number) => api(server.url, `/api/candidates/${id}/call`, { method: "POST", token: API_TOKEN });
const slotsFor = (executionId: string) => api(server.url, `/api/agent/slots?execution_id=${executionId}`, asAgent);
const book = (executionId: string, slotId: number) =>
  api(server.url, "/api/agent/book", { method: "POST", ...asAgent, body: { execution_id: executionId, slot_id: slotId } });
const simulated = (executionId: string) => simulator.calls().find((call) => call.executionId === executionId);

/** A candidate with a call Callboard placed whose webhooks are lost: the test alone says what happens on it. */
async function candidateOnACall(overrides: Record<string, unknown> = {}) {
  const phone = uniquePhone();
  simulator.setScenario(phone, { name: "no-answer", dropWebhooks: true });
  const candidate = await createCandidate(server.url, { phone, timeZone: ZONE, ...overrides });
  const placed = await callNow(candidate.id);
  expect(placed.status, placed.text).toBe(202);
  return { candidate, executionId: placed.json.executionId as string };
}

/** Every route.ts under app/api/agent, as the URL it serves and the one method it answers. */
function agentRoutes(): { url: string; method: string }[] {
  const dir = "app/api/agent";
  return fs.readdirSync(dir).map((name) => {
    const source = fs.readFileSync(path.join(dir, name, "route.ts"), "utf8");
    const method = /export const (GET|POST) = withAgentToken/.exec(source)?.[1];
    if (!method) throw new Error(`${dir}/${name}/route.ts does not go through withAgentToken`);
    return { url: `/api/agent/${name}`, method };
  });
}

describe("who opens the agent endpoints", () => {
  const routes = agentRoutes();

  it("finds every agent route behind withAgentToken", () => {
    expect(routes.map((route) => route.url).sort()).toEqual(["/api/agent/book", "/api/agent/caller", "/api/agent/slots"]);
  });

  it.each(routes)("$method $url: only AGENT_TOOL_TOKEN opens it", async ({ url, method }) => {
    const body = method === "POST" ? {} : undefined;
    const refused = [
      [{}, 401, "unauthorized"],
      [{ token: "not-the-agent-token-but-as-long-as-it" }, 401, "unauthorized"],
      [{ token: API_TOKEN }, 403, "forbidden"],
      [{ cookie: adminCookie }, 401, "unauthorized"],
    ] as const;
    for (const [credentials, status, code] of refused) {
      const response = await api(server.url, url, { method, body, ...credentials });
      expect(response.status, `${JSON.stringify(credentials)} ${response.text}`).toBe(status);
      expect(response.json.error?.code).toBe(code);
    }
    const opened = await api(server.url, url, { method, body, ...asAgent });
    expect([400, 404, 422]).toContain(opened.status);
  });

  it("opens nothing else: the agent token is no API token", async () => {
    for (const url of ["/api/candidates", "/api/slots", "/api/review"]) {
      expect((await api(server.url, url, asAgent)).status).toBe(401);
    }
  });

  it("counts as a credential at the server's door: its bodies are not held to the anonymous 32 KiB", async () => {
    const body = { execution_id: "no-such-execution", slot_id: 1, context: "x".repeat(40_000) };
    const anonymous = await api(server.url, "/api/agent/book", { method: "POST", body });
    expect(anonymous.status).toBe(413);
    expect(anonymous.json.error?.code).toBe("payload_too_large");
    const agent = await api(server.url, "/api/agent/book", { method: "POST", body, ...asAgent });
    expect(agent.status, agent.text).toBe(404);
    expect(agent.json.error?.code).toBe("not_found");
  });

  it("never writes the agent token into the logs, wherever a caller put it", async () => {
    const inQuery = await api(server.url, `/api/agent/slots?execution_id=logged&token=${AGENT_TOKEN}`);
    expect(inQuery.status).toBe(401);
    await expect.poll(() => server.output()).toMatch(/\/api\/agent\/slots\?execution_id=logged&token=\[secret\]/);
    expect(server.output()).not.toContain(AGENT_TOKEN);
  });
});

describe("slots during the call", () => {
  it("answers the interview and up to five free future slots, on the candidate's clock and in their language", async () => {
    const slots = [];
    for (let i = 0; i < 7; i++) slots.push(await createSlot(server.url, uniqueInstant()));
    const { executionId } = await candidateOnACall({ language: "hi", interviewAt: "2027-06-04T11:00:00+05:30" });
    const { status, json, text } = await slotsFor(executionId);
    expect(status, text).toBe(200);
    expect(Buffer.byteLength(text)).toBeLessThan(2048);
    expect(json.interview).toEqual({
      startsAt: "2027-06-04T11:00:00+05:30",
      spoken: expect.stringMatching(/^शुक्रवार, 4 जून( 2027)? को सुबह 11 बजे$/),
    });
    expect(json.slots.length).toBe(5);
    for (const slot of json.slots) {
      expect(slot.startsAt).toMatch(/\+05:30$/);
      expect(slot.spoken).toMatch(/बजे$/);
    }
    const english = await candidateOnACall({ language: "en", interviewAt: "2027-06-04T11:00:00+05:30" });
    expect((await slotsFor(english.executionId)).json.interview.spoken).toMatch(
      /^Friday, the 4th of June(, 2027)? at 11 o'clock in the morning$/,
    );
  });

  it("knows no call it did not hear of", async () => {
    const { status, json } = await slotsFor("00000000-0000-4000-8000-000000000000");
    expect(status).toBe(404);
    expect(json.error?.code).toBe("not_found");
    expect((await api(server.url, "/api/agent/slots", asAgent)).status).toBe(422);
  });
});

describe("booking during the call", () => {
  it("lets exactly one of two calls racing for the last place have it; the other hears the next free slots", async () => {
    for (let round = 0; round < 4; round++) {
      const last = await createSlot(server.url, uniqueInstant(), 1);
      await createSlot(server.url, uniqueInstant(), 1);
      const [a, b] = await Promise.all([candidateOnACall(), candidateOnACall()]);
      const answers = await Promise.all([book(a.executionId, last.id), book(b.executionId, last.id)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const lost = answers.find((answer) => answer.status === 409)!;
      expect(lost.json.error?.code).toBe("slot_full");
      expect(lost.json.slots.length).toBeGreaterThan(0);
      expect(lost.json.slots.map((slot: { id: number }) => slot.id)).not.toContain(last.id);
      const won = answers.find((answer) => answer.status === 200)!;
      expect(won.json).toMatchObject({ ok: true, spoken: expect.stringMatching(/^Done: your interview is now on /) });
      const holders = db
        .select()
        .from(candidates)
        .where(eq(candidates.interviewAt, new Date(last.startsAt)))
        .all();
      expect(holders).toHaveLength(1);
      expect(holders[0]).toMatchObject({ status: "rescheduled" });
      const history = (await api(server.url, `/api/candidates/${holders[0]!.id}`, { token: API_TOKEN })).json.history;
      expect(history.find((entry: { source: string }) => entry.source === "agent")).toMatchObject({
        actor: "voice agent",
        toInterviewAt: new Date(last.startsAt).toISOString(),
      });
    }
  });

  it("books the time already held as a no-op, and refuses slots that are not the candidate's to choose", async () => {
    const mine = await createSlot(server.url, uniqueInstant());
    const other = await createSlot(server.url, uniqueInstant());
    const { candidate, executionId } = await candidateOnACall({ reschedulingSlotIds: [mine.id] });
    expect((await book(executionId, other.id)).json.error?.code).toBe("slot_not_offered");
    expect((await book(executionId, mine.id)).status).toBe(200);
    const again = await book(executionId, mine.id);
    expect(again.json.spoken).toMatch(/^Your interview is already on /);
    const history = (await api(server.url, `/api/candidates/${candidate.id}`, { token: API_TOKEN })).json.history;
    expect(history.filter((entry: { source: string }) => entry.source === "agent")).toHaveLength(1);
    expect((await book(executionId, 987_654)).status).toBe(422);
  });

  it("is what the following webhook agrees with: one move, one e-mail, and the simulated agent's tools answered", async () => {
    const phone = uniquePhone();
    simulator.setScenario(phone, "rescheduled");
    await createSlot(server.url, uniqueInstant());
    const candidate = await createCandidate(server.url, { phone, timeZone: ZONE, email: "mover@example.com" });
    const { json } = await callNow(candidate.id);
    const done = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.callStatus === "completed");
    const call = simulated(json.executionId)!;
    expect(call.toolCalls.map((tool) => [tool.tool, tool.status])).toEqual([
      ["check_slots", 200],
      ["book_slot", 200],
    ]);
    const booked = (call.toolCalls[1]!.body as { interviewAt: string }).interviewAt;
    // The booking is the state machine's row, and the webhook that followed left it as it set it.
    expect(done.candidate).toMatchObject({
      status: "rescheduled",
      statusEvent: "booked_by_agent",
      statusReason: expect.stringMatching(/^Moved to .* by the voice agent during the call$/),
      interviewAt: new Date(booked).toISOString(),
    });
    const moves = done.history.filter((entry: { toInterviewAt: string | null }) => entry.toInterviewAt !== null);
    expect(moves).toHaveLength(1);
    expect(moves[0].source).toBe("agent");
    const mails = db.select().from(outboxMessages).where(eq(outboxMessages.candidateId, candidate.id)).all();
    expect(mails.map((mail) => mail.kind)).toEqual(["rescheduled"]);
  });

  it("does not let a call's different final_slot move a booking: it goes to review", async () => {
    const booked = await createSlot(server.url, "2027-09-01T10:00:00+05:30");
    const { candidate, executionId } = await candidateOnACall();
    expect((await book(executionId, booked.id)).status).toBe(200);
    const completed = {
      id: executionId,
      status: "completed",
      created_at: new Date().toISOString().slice(0, 19),
      updated_at: new Date(Date.now() + 60_000).toISOString().slice(0, 19),
      conversation_duration: 64,
      transcript: "assistant: Which time suits you?\nuser: Could we do a different day, the third of September at three?\n",
      extracted_data: { call_outcome: "RESCHEDULED", final_slot: { date: "2027-09-03", time: "3:00 PM" } },
      telephony_data: { duration: "66", to_number: candidate.phone, call_type: "outbound" },
    };
    expect((await postWebhook(server.url, completed)).status).toBe(200);
    const after = (await api(server.url, `/api/candidates/${candidate.id}`, { token: API_TOKEN })).json;
    expect(after.candidate).toMatchObject({ status: "rescheduled", interviewAt: new Date(booked.startsAt).toISOString() });
    const review = (await api(server.url, "/api/review", { token: API_TOKEN })).json.items;
    const item = review.find((entry: { candidate: { id: number } }) => entry.candidate.id === candidate.id);
    expect(item).toMatchObject({ proposed: { status: "rescheduled" }, doubt: expect.stringContaining("the agent booked") });
  });
});

describe("the callback line", () => {
  it("tells the inbound agent who calls, with nothing personal for a number that is no candidate's", async () => {
    const candidate = await createCandidate(server.url, {
      name: "Meera Iyer",
      email: "meera@example.com",
      timeZone: ZONE,
      language: "hi",
      interviewAt: "2027-06-04T15:30:00+05:30",
    });
    const national = candidate.phone.replace(/^\+91/, "0");
    const known = await api(server.url, `/api/agent/caller?contact_number=${encodeURIComponent(national)}`, asAgent);
    expect(known.status).toBe(200);
    expect(known.json).toEqual({
      known: true,
      candidate: {
        firstName: "Meera",
        interviewAt: "2027-06-04T15:30:00+05:30",
        spoken: expect.stringMatching(/^शुक्रवार, 4 जून( 2027)? को दोपहर 3:30 बजे$/),
        timeZone: ZONE,
        language: "hi",
        status: "pending",
      },
      actions: expect.arrayContaining(["confirm", "decline"]),
    });
    expect(known.text).not.toContain("meera@example.com");
    expect(known.text).not.toContain("Iyer");
    for (const number of [uniquePhone(), "12", "not a number"]) {
      const unknown = await api(server.url, `/api/agent/caller?contact_number=${encodeURIComponent(number)}`, asAgent);
      expect(unknown.status).toBe(200);
      expect(unknown.text).toBe('{"known":false}');
    }
  });

  it("matches a candidate's call-back to them, books with the tools and shows it on the board", async () => {
    await createSlot(server.url, uniqueInstant());
    const candidate = await createCandidate(server.url, { timeZone: ZONE });
    const executionId = await simulator.callIn({ from: candidate.phone, scenario: "rescheduled", agentId: AGENT });
    const done = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.callStatus === "completed");
    expect(simulated(executionId)!.toolCalls.map((tool) => [tool.tool, tool.status])).toEqual([
      ["caller", 200],
      ["check_slots", 200],
      ["book_slot", 200],
    ]);
    expect(done.calls[0]).toMatchObject({ executionId, direction: "inbound", agentBookedAt: expect.any(String) });
    expect(done.candidate).toMatchObject({ status: "rescheduled", lastCallbackAt: expect.any(String) });
    const board = await api(server.url, `/?q=${encodeURIComponent(candidate.name)}`, { cookie: adminCookie });
    expect(board.text).toContain('data-testid="called-back"');
  });

  it("matches an inbound delivery by the caller's number, never the agent's own line", async () => {
    const candidate = await createCandidate(server.url, { timeZone: ZONE, interviewAt: "2027-08-02T10:00:00+05:30" });
    await api(server.url, `/api/candidates/${candidate.id}/status`, {
      method: "PUT",
      token: API_TOKEN,
      body: { status: "confirmed", reason: "Confirmed by e-mail" },
    });
    const other = await createCandidate(server.url);
    const now = new Date();
    const inbound = {
      id: `inbound-${candidate.id}`,
      status: "completed",
      created_at: now.toISOString().slice(0, 19),
      updated_at: new Date(now.getTime() + 1000).toISOString().slice(0, 19),
      conversation_duration: 30,
      transcript: "assistant: How can I help?\nuser: Where is the office?\n",
      extracted_data: null,
      user_number: candidate.phone,
      telephony_data: { duration: "31", call_type: "inbound", from_number: candidate.phone, to_number: other.phone },
    };
    const delivered = await postWebhook(server.url, inbound);
    expect(delivered.json).toMatchObject({ result: "applied", candidateId: candidate.id });
    const after = (await api(server.url, `/api/candidates/${candidate.id}`, { token: API_TOKEN })).json;
    expect(after.calls[0]).toMatchObject({ executionId: inbound.id, direction: "inbound" });
    // A call-back that decided nothing leaves the earlier answer standing.
    expect(after.candidate).toMatchObject({ status: "confirmed", lastCallbackAt: expect.any(String) });
    expect((await api(server.url, `/api/candidates/${other.id}`, { token: API_TOKEN })).json.calls).toEqual([]);
  });

  it("keeps a call from a stranger in the inbox, unmatched", async () => {
    const stranger = uniquePhone();
    const executionId = await simulator.callIn({ from: stranger, scenario: "confirmed", agentId: AGENT });
    await vi.waitFor(
      async () => {
        const { json } = await api(server.url, "/api/inbox", { token: API_TOKEN });
        expect(json.deliveries.some((delivery: { executionId: string }) => delivery.executionId === executionId)).toBe(true);
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(simulated(executionId)!.toolCalls).toEqual([{ tool: "caller", status: 200, body: { known: false } }]);
  });
});

describe("transfers", () => {
  it("show on the call: transferred to the recruiter, with the time in a zone", async () => {
    const phone = uniquePhone();
    simulator.setScenario(phone, "transferred");
    const candidate = await createCandidate(server.url, { phone, timeZone: ZONE });
    await callNow(candidate.id);
    const done = await waitForCandidate(server.url, candidate.id, (body) => body.candidate.callStatus === "completed");
    expect(done.calls[0]).toMatchObject({ transferredTo: "+919800012345", transferredAt: expect.any(String) });
    const page = await api(server.url, `/candidates/${candidate.id}`, { cookie: adminCookie });
    // The card's sentence, with the time as LocalTime writes it (its zone's label after the clock).
    const card = /data-testid="transferred"[^>]*>(.*?)<\/li>/s.exec(page.text)?.[1] ?? "";
    expect(card.replace(/<[^>]+>/g, "")).toMatch(
      /^Transferred to the recruiter \(\+919800012345\) at .*\d{2}:\d{2} (IST|UTC)\.$/,
    );
  });
});

describe("the candidate's language", () => {
  it("is kept from the API (DEFAULT_LANGUAGE otherwise) and sent as agent_language, never with agent_data", async () => {
    expect((await createCandidate(server.url)).language).toBe("en");
    const refused = await api(server.url, "/api/candidates", {
      method: "POST",
      token: API_TOKEN,
      body: { name: "Lang Test", phone: uniquePhone(), interviewAt: uniqueInstant(), language: "xx" },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error?.field).toBe("language");
    const { executionId } = await candidateOnACall({ language: "hi" });
    const call = simulated(executionId)!;
    expect(call.userData.agent_language).toBe("hi");
    expect(JSON.stringify(call.userData)).not.toContain("agent_data");
  });

  it("comes from the CSV import's language column, refused when Callboard does not speak it", async () => {
    const phone = uniquePhone();
    const csv = `name,phone,interview_at,language\nAnanya Rao,${phone},2027-07-01 10:00,hi\nBad Lang,${uniquePhone()},2027-07-01 11:00,fr\n`;
    const response = await fetch(`${server.url}/api/candidates/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_TOKEN}`, "content-type": "text/csv" },
      body: csv,
    });
    const report = (await response.json()) as { imported: number; errors: { row: number; field: string }[] };
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, field: "language" })]);
    expect(report.imported).toBe(1);
    const found = (await api(server.url, `/api/candidates?q=${encodeURIComponent(phone.slice(3))}`, { token: API_TOKEN })).json;
    expect(found.candidates.map((row: { phone: string; language: string }) => [row.phone, row.language])).toEqual([
      [phone, "hi"],
    ]);
  });
});

describe("caller look-ups are rate-limited", () => {
  it("refuses a token holder walking numbers faster than AGENT_CALLER_RATE_LIMIT a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      statuses.push((await api(server.url, `/api/agent/caller?contact_number=${uniquePhone()}`, asAgent)).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(40);
  });
});
