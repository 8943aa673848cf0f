import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  API_TOKEN,
  api,
  createCandidate,
  createUser,
  signIn,
  startApiServer,
  uniqueInstant,
  type ApiOptions,
  type Json,
} from "./support/auth-client";
import {
  ACCEPTED,
  callBody,
  CONFIRMING_TURNS,
  DECLINING_TURNS,
  REJECTED,
  RELATIVE_TURNS,
  unsure,
  type CallSpec,
} from "./support/insight-calls";
import type { TestServer } from "./support/server";
import { postWebhook } from "./support/webhook-client";

// Trust and insight over HTTP on the production server: the review queue, a reviewer's accept and correction (with the
// audit trail and who reviewed what), attendance marks, and the analytics in JSON and CSV.

let server: TestServer;
const cookies = { admin: "", recruiter: "" };
const RECRUITER = {
  name: "Rita Reviewer",
  email: "rita.reviewer@example.com",
  password: "reviewer-pass-1",
  role: "recruiter" as const,
};

beforeAll(async () => {
  server = await startApiServer({ INTERVIEW_TIMEZONE: "Asia/Kolkata" });
  await createUser(server.url, RECRUITER);
  cookies.admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  cookies.recruiter = await signIn(server.url, RECRUITER.email, RECRUITER.password);
});

afterAll(async () => {
  await server?.stop();
});

/** A browser write: the session cookie and a same-origin Origin header. */
const as = (who: keyof typeof cookies, options: ApiOptions = {}): ApiOptions => ({
  ...options,
  cookie: cookies[who],
  headers: { origin: server.url, ...options.headers },
});

async function called(candidate: Json, spec: Omit<CallSpec, "phone"> = {}) {
  const { status, json } = await postWebhook(server.url, callBody({ ...spec, phone: candidate.phone }));
  expect(status).toBe(200);
  return json;
}

/** The analytics once `ready` says the fold has counted what the test wrote (it folds every second). */
async function foldedAnalytics(query: string, ready: (figures: Json) => boolean): Promise<Json> {
  let figures: Json = {};
  await expect
    .poll(
      async () => {
        const response = await api(server.url, `/api/analytics?${query}`, as("recruiter"));
        expect(response.status).toBe(200);
        figures = response.json;
        return ready(figures);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return figures;
}

async function queued(candidateId: number) {
  const { status, json } = await api(server.url, "/api/review", as("recruiter"));
  expect(status).toBe(200);
  return (json.items as Json[]).find((item) => item.candidate.id === candidateId);
}

describe("the review queue", () => {
  it("holds an unsure outcome, oldest first, with the evidence, the transcript and the recording", async () => {
    const first = await createCandidate(server.url);
    const second = await createCandidate(server.url);
    expect((await called(first, { turns: RELATIVE_TURNS })).candidateStatus).toBe("pending");
    await called(second, { turns: ["user: Hello?"], conversationSeconds: 4 });

    const { json } = await api(server.url, "/api/review", as("recruiter"));
    const ids = (json.items as Json[]).map((item) => item.candidate.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const item = (await queued(first.id))!;
    expect(item).toMatchObject({
      state: "open",
      proposed: { status: "pending", reason: "Someone else answered: call again", interviewAt: null },
      confidence: 0.3,
      confidenceLabel: "low",
      doubt: "someone else may have answered",
      candidate: { id: first.id, name: first.name, status: "pending" },
      call: { transcript: expect.stringContaining("He is not at home"), recordingUrl: expect.stringMatching(/^https:/) },
    });
    expect(item.evidence[0]).toMatchObject({ kind: "someone_else", effect: "doubts" });
    const candidate = (await api(server.url, `/api/candidates/${first.id}`, { token: API_TOKEN })).json;
    expect(candidate.candidate.statusReason).toBe("Awaiting review: someone else answered: call again");
    expect(candidate.calls[0]).toMatchObject({ confidence: 0.3, confidenceLabel: "low", answeredByVoicemail: null });
  });

  it("accept: applied and audited as the recruiter; once only; admins see who reviewed what", async () => {
    const candidate = await createCandidate(server.url);
    await called(candidate, { turns: CONFIRMING_TURNS, extraction: unsure(ACCEPTED) });
    const item = (await queued(candidate.id))!;

    const accepted = await api(server.url, `/api/review/${item.id}/accept`, as("recruiter", { method: "POST" }));
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json).toMatchObject({
      review: { id: item.id, state: "accepted", resolvedBy: RECRUITER.email },
      candidate: { status: "confirmed" },
    });
    const history = (await api(server.url, `/api/candidates/${candidate.id}`, { token: API_TOKEN })).json.history as Json[];
    expect(history.at(-1)).toMatchObject({ from: "pending", to: "confirmed", source: "review", actor: RECRUITER.email });
    expect(await queued(candidate.id)).toBeUndefined();

    const again = await api(server.url, `/api/review/${item.id}/accept`, as("recruiter", { method: "POST" }));
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("review_closed");

    expect((await api(server.url, "/api/review/resolved", as("recruiter"))).status).toBe(403);
    const resolved = await api(server.url, "/api/review/resolved", as("admin"));
    expect(resolved.status).toBe(200);
    expect((resolved.json.items as Json[]).find((entry) => entry.id === item.id)).toMatchObject({
      state: "accepted",
      resolvedBy: RECRUITER.email,
      resolvedStatus: "confirmed",
      resolvedAt: expect.stringMatching(/^\d{4}-/),
    });
  });

  it("correct: a reason is required; the chosen status is applied with it", async () => {
    const candidate = await createCandidate(server.url);
    await called(candidate, { turns: RELATIVE_TURNS });
    const item = (await queued(candidate.id))!;
    const path = `/api/review/${item.id}/correct`;

    const noReason = await api(server.url, path, as("recruiter", { method: "POST", body: { status: "declined" } }));
    expect(noReason.status).toBe(422);
    expect(noReason.json.error).toMatchObject({ code: "validation_failed", field: "reason" });
    const blank = await api(server.url, path, as("recruiter", { method: "POST", body: { status: "declined", reason: "   " } }));
    expect(blank.status).toBe(422);
    const calling = await api(server.url, path, as("recruiter", { method: "POST", body: { status: "calling", reason: "x" } }));
    expect(calling.json.error).toMatchObject({ code: "validation_failed", field: "status" });
    const misplaced = await api(
      server.url,
      path,
      as("recruiter", { method: "POST", body: { status: "declined", reason: "x", interviewAt: uniqueInstant() } }),
    );
    expect(misplaced.json.error).toMatchObject({ code: "validation_failed", field: "interviewAt" });
    expect((await queued(candidate.id))?.id).toBe(item.id);

    const corrected = await api(
      server.url,
      path,
      as("recruiter", { method: "POST", body: { status: "declined", reason: "His mother says he took another job" } }),
    );
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.json.candidate).toMatchObject({
      status: "declined",
      statusReason: "Corrected on review (proposed Pending): His mother says he took another job",
    });
  });

  it("unknown items are 404, and a foreign origin may not decide", async () => {
    expect((await api(server.url, "/api/review/999999/accept", as("recruiter", { method: "POST" }))).status).toBe(404);
    expect((await api(server.url, "/api/review/abc/accept", as("recruiter", { method: "POST" }))).status).toBe(404);
    const candidate = await createCandidate(server.url);
    await called(candidate, { turns: RELATIVE_TURNS });
    const item = (await queued(candidate.id))!;
    const foreign = await api(
      server.url,
      `/api/review/${item.id}/accept`,
      as("recruiter", { method: "POST", headers: { origin: "https://evil.example" } }),
    );
    expect(foreign.status).toBe(403);
    expect((await queued(candidate.id))?.id).toBe(item.id);
  });
});

describe("attendance", () => {
  it("only once the interview has taken place; audited on the candidate", async () => {
    const upcoming = await createCandidate(server.url);
    const early = await api(
      server.url,
      `/api/candidates/${upcoming.id}/attendance`,
      as("recruiter", { method: "PUT", body: { attendance: "attended" } }),
    );
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: "interview_not_over", field: "attendance" });

    const past = await createCandidate(server.url, { interviewAt: "2026-01-05T06:00:00Z", allowPast: true });
    await called(past, { turns: CONFIRMING_TURNS });
    const list = await api(server.url, "/api/candidates?attendance=to_mark&pageSize=200", { token: API_TOKEN });
    expect((list.json.candidates as Json[]).map((row) => row.id)).toContain(past.id);

    const bad = await api(
      server.url,
      `/api/candidates/${past.id}/attendance`,
      as("recruiter", { method: "PUT", body: { attendance: "maybe" } }),
    );
    expect(bad.status).toBe(422);
    const marked = await api(
      server.url,
      `/api/candidates/${past.id}/attendance`,
      as("recruiter", { method: "PUT", body: { attendance: "no_show", reason: "Did not join the call" } }),
    );
    expect(marked.status, marked.text).toBe(200);
    expect(marked.json.candidate).toMatchObject({
      attendance: "no_show",
      attendanceReason: "Did not join the call",
      attendanceMarkedBy: RECRUITER.email,
      attendanceMarkedAt: expect.stringMatching(/^\d{4}-/),
    });
    const after = await api(server.url, "/api/candidates?attendance=to_mark&pageSize=200", { token: API_TOKEN });
    expect((after.json.candidates as Json[]).map((row) => row.id)).not.toContain(past.id);
    expect(
      (
        await api(
          server.url,
          "/api/candidates/999999/attendance",
          as("recruiter", { method: "PUT", body: { attendance: "attended" } }),
        )
      ).status,
    ).toBe(404);
  });
});

describe("analytics", () => {
  it("the funnel for today in JSON and the same figures in CSV, every cell escaped", async () => {
    const position = '=HYPERLINK("http://evil.example")';
    const yes = await createCandidate(server.url, { position });
    const no = await createCandidate(server.url, { position });
    await called(yes, { turns: CONFIRMING_TURNS, cost: 4 });
    await called(no, { turns: DECLINING_TURNS, extraction: REJECTED, cost: 2 });
    // Today in the team's zone (this server's INTERVIEW_TIMEZONE), where the calls just placed fall.
    const today = DateTime.now().setZone("Asia/Kolkata").toISODate()!;
    const query = `from=${today}&to=${today}&position=${encodeURIComponent(position)}`;

    // The funnel is folded a second after the deliveries.
    const json = await foldedAnalytics(query, (figures) => figures.funnel.called === 2);
    expect(json.period).toEqual({ from: today, to: today, position, bucket: "day", days: "Asia/Kolkata" });
    expect(json.funnel).toMatchObject({
      called: 2,
      reached: 2,
      confirmed: 1,
      declined: 1,
      attended: 0,
      reachRate: 1,
      confirmationRate: 0.5,
    });
    expect(json.cost).toEqual({ total: 6, perConfirmed: 6, perAttended: null, unit: "Bolna credits" });
    expect(json.attemptsPerReached).toBe(1);
    expect(json.positions).toContain(position);

    const csv = await fetch(`${server.url}/api/analytics?${query}&format=csv`, { headers: { cookie: cookies.recruiter } });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="callboard-analytics-${today}-to-${today}.csv"`);
    const lines = (await csv.text()).split("\r\n");
    expect(lines).toContain("funnel,,called,2");
    expect(lines).toContain("cost,,per_confirmed,6");
    expect(lines).toContain(`period,,position,"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines.some((line) => /(^|,)=/.test(line))).toBe(false);
  });

  it("refuses a backwards period with the field named", async () => {
    const { status, json } = await api(server.url, "/api/analytics?from=2026-03-10&to=2026-03-01", as("recruiter"));
    expect(status).toBe(422);
    expect(json.error).toMatchObject({ code: "validation_failed", field: "from" });
    expect((await api(server.url, "/api/analytics?bucket=year", as("recruiter"))).status).toBe(422);
  });
});
