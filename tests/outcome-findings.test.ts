import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bolnaBody, type CallShape } from "@/eval/outcomes/bolna-body";
import { CORPUS } from "@/eval/outcomes/corpus";
import { API_TOKEN, api, createCandidate, uniquePhone, unique, startApiServer, type Json } from "./support/auth-client";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

// The issue's findings over HTTP on the production server, each with the very body of its corpus case
// (eval/outcomes/cases/): what the candidate's status becomes, what waits in GET /api/review, and what is queued
// to the candidate in the outbox.

let server: TestServer;
const asToken = { token: API_TOKEN };
const INTERVIEW = "2031-03-03T05:30:00.000Z"; // the corpus's interview: Monday 11:00 in Kolkata
let placed = Date.UTC(2031, 1, 20, 6);

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false" });
});

afterAll(async () => {
  await server?.stop();
});

function corpusCase(id: string) {
  const found = CORPUS.find((entry) => entry.id === id);
  if (!found) throw new Error(`no corpus case ${id}`);
  return found;
}

type Delivered = { candidate: Json; body: Record<string, unknown>; answer: Json };

/** The candidate as the body builder needs it: who the agent called, about which interview. */
const whoIs = (candidate: Json) => ({
  name: candidate.name as string,
  position: candidate.position as string,
  phone: candidate.phone as string,
  interviewAt: new Date(INTERVIEW),
});

/** A new candidate (with an e-mail address, so messages are written), then the call's body to the webhook. */
async function deliver(call: CallShape, setup: { phone?: string; timeZone?: string | null } = {}): Promise<Delivered> {
  const candidate = await createCandidate(server.url, {
    name: "Rahul Sharma",
    position: "Data Analyst",
    phone: setup.phone ?? uniquePhone(),
    email: `finding${unique()}@example.com`,
    interviewAt: INTERVIEW,
    ...(setup.timeZone ? { timeZone: setup.timeZone } : {}),
  });
  placed += 10 * 60_000;
  const body = bolnaBody(call, whoIs(candidate), new Date(placed));
  const { status, json } = await postWebhook(server.url, body);
  expect(status).toBe(200);
  return { candidate, body, answer: json };
}

const deliverCase = (id: string) => deliver(corpusCase(id).call, corpusCase(id).candidate);

async function candidateOf(id: number): Promise<Json> {
  return (await api(server.url, `/api/candidates/${id}`, asToken)).json.candidate as Json;
}

async function reviewOf(candidateId: number): Promise<Json | undefined> {
  const { status, json } = await api(server.url, "/api/review", asToken);
  expect(status).toBe(200);
  return (json.items as Json[]).find((item) => item.candidate.id === candidateId);
}

/** Every outbox message to one candidate, oldest first (the outbox pages newest first, 50 at a time). */
async function messagesTo(candidateId: number): Promise<Json[]> {
  const found: Json[] = [];
  let before: number | undefined;
  for (;;) {
    const page = (await api(server.url, `/api/outbox${before ? `?before=${before}` : ""}`, asToken)).json.messages as Json[];
    if (page.length === 0) return found.reverse();
    found.push(...page.filter((message) => message.candidateId === candidateId));
    before = page.at(-1)!.id as number;
  }
}

describe("nothing is sent on a doubt", () => {
  it("REJECTED against “Yes, I will definitely come, see you on Sunday” waits for a person; no cancellation", async () => {
    const { candidate } = await deliverCase("contradictions/rejected-but-definitely-come");
    expect(await candidateOf(candidate.id)).toMatchObject({ status: "pending" });
    expect(await reviewOf(candidate.id)).toMatchObject({
      proposed: { status: "confirmed" },
      doubt: "the candidate's words disagree",
      confidenceLabel: "low",
    });
    expect(await messagesTo(candidate.id)).toEqual([]);
  });

  it("a decline Bolna is only fairly sure of (0.74) waits; the cancellation goes once a person accepts it", async () => {
    const { candidate } = await deliverCase("extraction/disposition-decline-medium");
    const item = (await reviewOf(candidate.id))!;
    expect(item).toBeDefined();
    expect(await messagesTo(candidate.id)).toEqual([]);
    const corrected = await api(server.url, `/api/review/${item.id}/correct`, {
      ...asToken,
      method: "POST",
      body: { status: "declined", reason: "On the recording he says he will not come" },
    });
    expect(corrected.status, corrected.text).toBe(200);
    expect((await messagesTo(candidate.id)).map((message) => [message.kind, message.icsMethod])).toEqual([
      ["declined", "CANCEL"],
    ]);
  });

  it("a confirmation that waited is sent when a person accepts it, once", async () => {
    const { candidate } = await deliverCase("extraction/disposition-medium");
    const item = (await reviewOf(candidate.id))!;
    expect(item.proposed.status).toBe("confirmed");
    expect(await messagesTo(candidate.id)).toEqual([]);
    const accepted = await api(server.url, `/api/review/${item.id}/accept`, { ...asToken, method: "POST" });
    expect(accepted.status, accepted.text).toBe(200);
    expect((await messagesTo(candidate.id)).map((message) => message.kind)).toEqual(["confirmed"]);
  });
});

describe("clear answers apply at once", () => {
  it.each([
    ["ACCEPTED and a one-turn “Yes, I'll be there.”", "short/ill-be-there", "confirmed"],
    ["a retry's one-turn “yes”", "short/retry-one-turn-yes", "confirmed"],
    ["a legacy user_interested: false without a transcript", "extraction/legacy-user-interested-false-no-transcript", "declined"],
    ["an extraction sent as a JSON string, without a transcript", "extraction/json-string-legacy", "confirmed"],
    ["the prototype guide's example body", "extraction/guide-example-status-confirmed", "confirmed"],
  ])("%s", async (_, id, status) => {
    const { candidate, answer } = await deliverCase(id);
    expect(answer).toMatchObject({ result: "applied", candidateStatus: status });
    expect(await reviewOf(candidate.id)).toBeUndefined();
    expect((await messagesTo(candidate.id)).map((message) => message.kind)).toEqual([status]);
  });
});

describe("one place for a person to decide", () => {
  it("a relative answered, with no extraction: in the review queue, proposing to call again", async () => {
    const { candidate } = await deliverCase("someone-else/mother-not-home-no-extraction");
    expect(await candidateOf(candidate.id)).toMatchObject({
      status: "pending",
      statusReason: "Awaiting review: someone else answered: call again",
    });
    expect(await reviewOf(candidate.id)).toMatchObject({
      proposed: { status: "pending", reason: "Someone else answered: call again" },
      doubt: "someone else may have answered",
    });
  });

  it("“haan ji, main aa jaunga, koi problem nahi” without an extraction: in the queue, proposing Confirmed", async () => {
    const { candidate } = await deliverCase("hinglish/no-extraction-aa-jaunga");
    expect(await reviewOf(candidate.id)).toMatchObject({ proposed: { status: "confirmed" }, doubt: "no extraction" });
    expect(await messagesTo(candidate.id)).toEqual([]);
  });

  it("an item leaves the queue when a later call decides", async () => {
    const { candidate } = await deliverCase("someone-else/mother-not-home-no-extraction");
    expect(await reviewOf(candidate.id)).toBeDefined();
    placed += 10 * 60_000;
    const later = bolnaBody(corpusCase("english/works-for-me").call, whoIs(candidate), new Date(placed));
    expect((await postWebhook(server.url, later)).json).toMatchObject({ candidateStatus: "confirmed" });
    expect(await reviewOf(candidate.id)).toBeUndefined();
  });
});

describe("the same message is never sent twice", () => {
  it("a confirmed candidate called again who confirms again gets one confirmation", async () => {
    const confirming = corpusCase("english/works-for-me").call;
    const { candidate } = await deliver(confirming);
    expect((await candidateOf(candidate.id)).status).toBe("confirmed");
    // The new call rings (the candidate shows Calling), then the candidate confirms the same interview again.
    placed += 10 * 60_000;
    const again = bolnaBody(confirming, whoIs(candidate), new Date(placed));
    const ringing = { ...again, status: "in-progress", transcript: null, extracted_data: null, conversation_duration: 0 };
    expect((await postWebhook(server.url, ringing)).json).toMatchObject({ candidateStatus: "calling" });
    expect((await postWebhook(server.url, again)).json).toMatchObject({ candidateStatus: "confirmed" });
    expect((await messagesTo(candidate.id)).map((message) => message.kind)).toEqual(["confirmed"]);
  });
});

describe("the zone a slot is read in is the one the agent spoke", () => {
  it("a +1 number, the agent speaking Asia/Kolkata: 3:00 PM is 15:00 in Kolkata; the candidate's zone is assumed", async () => {
    const { candidate } = await deliverCase("reschedule/agent-spoke-kolkata-us-number");
    expect(await candidateOf(candidate.id)).toMatchObject({
      status: "rescheduled",
      interviewAt: "2031-03-05T09:30:00.000Z",
      statusReason: "Asked to move to Wed 5 Mar 2031, 15:00 IST",
    });
    // Nobody set the candidate's zone and +1 spans several: INTERVIEW_TIMEZONE, said to be assumed.
    expect(candidate).toMatchObject({ timeZone: "UTC", timeZoneAssumed: true });
  });
});
