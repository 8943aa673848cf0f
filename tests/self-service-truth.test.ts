import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInstant } from "@/lib/time/format";
import {
  API_TOKEN,
  api,
  createCandidate,
  createSlot,
  htmlText,
  startApiServer,
  unique,
  uniqueInstant,
  type Json,
} from "./support/auth-client";
import type { TestServer } from "./support/server";

/**
 * The candidate's own page stays true (lib/self-service/): it shows the interview and the status as they are now,
 * keeps working once its changes are spent, never spends one on confirming, offers only free slots, and tells
 * the candidate what happens next, in their own zone, named as theirs.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startApiServer({ SEED_DEMO: "false", INTERVIEW_TIMEZONE: "UTC", SELF_SERVICE_RATE_LIMIT: "1000" });
});

afterAll(() => server?.stop());

const asToken = { token: API_TOKEN };
const HOUR = 3_600_000;

async function linkFor(id: number): Promise<string> {
  const response = await api(server.url, `/api/candidates/${id}/self-service-link`, { method: "POST", ...asToken });
  expect(response.status, response.text).toBe(201);
  return (response.json.url as string).split("/i/")[1]!;
}

const answer = (token: string, body: unknown) => api(server.url, `/api/self-service/${token}`, { method: "POST", body });
const view = async (token: string) => (await api(server.url, `/api/self-service/${token}`)).json;
const page = async (token: string) => {
  const response = await api(server.url, `/i/${token}`);
  return { ...response, text: htmlText(response.text) };
};

async function candidateWithLink(overrides: Record<string, unknown> = {}): Promise<{ candidate: Json; token: string }> {
  const candidate = await createCandidate(server.url, { email: `truth-${unique()}@example.com`, ...overrides });
  return { candidate, token: await linkFor(candidate.id) };
}

describe("the self-service page and API", () => {
  it("never spend a change on confirming, and say what happens next", async () => {
    const { candidate, token } = await candidateWithLink({ timeZone: "Asia/Kolkata" });
    const confirmed = await answer(token, { action: "confirm" });
    expect(confirmed.status).toBe(200);
    const when = formatInstant(new Date(candidate.interviewAt), "Asia/Kolkata", "long");
    expect(confirmed.json.message).toBe(
      `Thank you, your interview is confirmed: ${when} (your time zone). The calendar invite is on its way to your e-mail; the recruiter sees your answer now.`,
    );
    expect(await view(token)).toMatchObject({ confirmed: true, changesLeft: 2, canConfirm: false });
    expect((await view(token)).changeNote).toBe(
      "You can move your interview 2 more times with this link. Confirming never uses one up.",
    );
    expect((await answer(token, { action: "confirm" })).json.message).toMatch(
      /^Your interview was already confirmed: .* Nothing has changed\.$/,
    );
  });

  it("keep a link working once its moves are spent: the page shows the interview, only a further move is refused", async () => {
    const { token } = await candidateWithLink();
    const slots = [await createSlot(server.url, uniqueInstant(), 3), await createSlot(server.url, uniqueInstant(), 3)];
    for (const slot of slots) {
      const moved = await answer(token, { action: "reschedule", slotId: slot.id });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.json.message).toMatch(
        /^Done: your interview has moved to .* \(your time zone\)\. The calendar invite is on its way/,
      );
    }
    const reloaded = await page(token);
    expect(reloaded.status).toBe(200);
    expect(reloaded.text).toContain(formatInstant(new Date(slots[1]!.startsAt), "Asia/Kolkata", "long"));
    expect(reloaded.text).toContain("This link has moved your interview as many times as it allows.");
    expect(await view(token)).toMatchObject({ canReschedule: false, changesLeft: 0, slots: [] });

    const third = await createSlot(server.url, uniqueInstant(), 3);
    const refused = await answer(token, { action: "reschedule", slotId: third.id });
    expect(refused.status).toBe(410);
    expect(refused.json.error).toMatchObject({
      code: "link_used_up",
      message: expect.stringContaining("your interview stays as shown"),
    });
  });

  it("offer no changes once the interview is inside the cutoff, and never say 'more changes' then", async () => {
    const soon = new Date(Date.now() + 6 * HOUR).toISOString();
    const { token } = await candidateWithLink({ interviewAt: soon });
    const shown = await page(token);
    expect(shown.status).toBe(200);
    expect(shown.text).not.toMatch(/more changes?/);
    expect(shown.text).toContain("The interview is less than 12 hours away, so it can no longer be moved here.");
    expect(await view(token)).toMatchObject({ canReschedule: false, changesLeft: 0 });
  });

  it("name the candidate's own zone as theirs, and greet them by their given name", async () => {
    const { token } = await candidateWithLink({
      name: "Dr. Maya Iyer",
      timeZone: "America/Los_Angeles",
      interviewAt: "2027-01-12T17:00:00Z",
    });
    const shown = await page(token);
    expect(shown.text).toContain("Hello Maya,");
    expect(shown.text).toContain("Tuesday 12 January 2027, 09:00 PST");
    expect(shown.text).toContain("Your time zone: America/Los_Angeles (PST).");
    expect(shown.text).not.toContain("Your local time");
    expect(shown.text).not.toContain("Iyer");
  });

  it("offer only slots free at that moment: the loser of a race is told nothing changed, and is not offered it again", async () => {
    const last = await createSlot(server.url, uniqueInstant(), 1);
    const [first, second] = [await candidateWithLink(), await candidateWithLink()];
    for (const side of [first, second]) expect((await view(side.token)).slots.map((slot: Json) => slot.id)).toContain(last.id);
    expect((await answer(first.token, { action: "reschedule", slotId: last.id })).status).toBe(200);
    const lost = await answer(second.token, { action: "reschedule", slotId: last.id });
    expect(lost.status).toBe(409);
    expect(lost.json.error).toMatchObject({
      code: "slot_full",
      message:
        "Someone has just taken this time. Your interview has not changed: pick another of the times listed, which are all still free.",
    });
    expect((await view(second.token)).slots.map((slot: Json) => slot.id)).not.toContain(last.id);
    expect((await api(server.url, `/api/candidates/${second.candidate.id}`, asToken)).json.candidate.interviewAt).toBe(
      second.candidate.interviewAt,
    );
  });
});
