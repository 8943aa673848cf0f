import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { candidates, installation, interviewSlots, selfServiceLinks } from "@/db/schema";
import {
  API_TOKEN,
  api,
  createCandidate,
  attemptSignIn,
  cookieFrom,
  createUser,
  createSlot,
  startApiServer,
  unique,
  uniqueInstant,
  type Json,
} from "./support/auth-client";
import { auditFor, openTestDatabase } from "./support/database";
import { parseIcs } from "./support/ics";
import { inPool } from "./support/raw-http";
import type { TestServer } from "./support/server";

/**
 * The self-service link over HTTP: a recruiter makes a signed, expiring link; the candidate, without
 * an account, confirms or moves the interview; every refusal changes nothing. TRUSTED_PROXY_HOPS=1 lets each test
 * speak from its own client address (X-Forwarded-For), so the per-address rate limit is testable too.
 */
const RATE_LIMIT = 20;
const LINKS_PER_USER = 40;
let server: TestServer;
let db: Db;

beforeAll(async () => {
  server = await startApiServer({
    SEED_DEMO: "false",
    TRUSTED_PROXY_HOPS: "1",
    SELF_SERVICE_RATE_LIMIT: String(RATE_LIMIT),
    SELF_SERVICE_LINKS_PER_USER_HOUR: String(LINKS_PER_USER),
    INTERVIEW_TIMEZONE: "UTC",
  });
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

const asToken = { token: API_TOKEN };
const HOUR = 3_600_000;

/** A client address of its own for each test, so no test spends another's rate limit. */
const newAddress = () => `203.0.113.${unique() % 250}`;

async function newLink(candidateId: number): Promise<{ url: string; expiresAt: string; token: string }> {
  const response = await api(server.url, `/api/candidates/${candidateId}/self-service-link`, { method: "POST", ...asToken });
  expect(response.status, response.text).toBe(201);
  return { ...(response.json as { url: string; expiresAt: string }), token: response.json.url.split("/i/")[1] };
}

function selfService(token: string, body: unknown, address: string) {
  return api(server.url, `/api/self-service/${token}`, { method: "POST", body, headers: { "x-forwarded-for": address } });
}

const page = (token: string, address: string) => api(server.url, `/i/${token}`, { headers: { "x-forwarded-for": address } });
const detail = async (id: number) => (await api(server.url, `/api/candidates/${id}`, asToken)).json;

/** What a refused request must leave exactly as it was. */
async function snapshot(id: number) {
  const { candidate } = await detail(id);
  return {
    status: candidate.status,
    interviewAt: candidate.interviewAt,
    inviteSequence: candidate.inviteSequence,
    audit: auditFor(db, id).length,
    changes: db
      .select()
      .from(selfServiceLinks)
      .where(eq(selfServiceLinks.candidateId, id))
      .all()
      .map((link) => link.changesUsed),
  };
}

describe("POST /api/candidates/{id}/self-service-link", () => {
  it("answers 201 with an absolute /i/{token} URL that expires after SELF_SERVICE_LINK_DAYS, never past the interview", async () => {
    const soon = new Date(Date.now() + 3 * 24 * HOUR).toISOString();
    const far = await createCandidate(server.url);
    const near = await createCandidate(server.url, { interviewAt: soon });
    const farLink = await newLink(far.id);
    expect(farLink.url).toMatch(new RegExp(`^${server.url}/i/[A-Za-z0-9_-]{30}\\.[A-Za-z0-9_-]{43}$`));
    const week = Date.now() + 7 * 24 * HOUR;
    expect(Math.abs(Date.parse(farLink.expiresAt) - week)).toBeLessThan(60_000);
    expect((await newLink(near.id)).expiresAt).toBe(soon);
    // Only a hash of the token is stored.
    const rows = db.select().from(selfServiceLinks).where(eq(selfServiceLinks.candidateId, far.id)).all();
    expect(rows.map((row) => row.tokenHash)).not.toContain(farLink.token);
    expect(JSON.stringify(rows)).not.toContain(farLink.token);
  });

  it("is refused for a past interview (409 interview_passed), an unknown candidate (404) and without credentials (401)", async () => {
    const past = await createCandidate(server.url, { interviewAt: "2026-01-05T10:00:00Z", allowPast: true });
    const refused = await api(server.url, `/api/candidates/${past.id}/self-service-link`, { method: "POST", ...asToken });
    expect(refused.status).toBe(409);
    expect(refused.json.error?.code).toBe("interview_passed");
    expect((await api(server.url, "/api/candidates/999999/self-service-link", { method: "POST", ...asToken })).status).toBe(404);
    expect((await api(server.url, `/api/candidates/${past.id}/self-service-link`, { method: "POST" })).status).toBe(401);
  });
});

describe("the self-service page and API", () => {
  it("shows only the first name, the position and the interview in the candidate's zone", async () => {
    const candidate = await createCandidate(server.url, {
      name: "Asha Ranganathan Verma",
      email: "asha.private@example.com",
      position: "Data Engineer",
      interviewAt: "2027-05-04T05:30:00Z",
    });
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    const html = await page(token, address);
    expect(html.status).toBe(200);
    expect(html.text).toContain("Hello Asha,");
    expect(html.text).toContain("Data Engineer");
    // +91 numbers live in Asia/Kolkata: 05:30 UTC is 11:00 there, and the page says which zone it means.
    expect(html.text).toContain("Tuesday 4 May 2027, 11:00");
    expect(html.text).toContain("Your time zone: Asia/Kolkata (IST).");
    for (const secret of ["Ranganathan", "asha.private", candidate.phone, candidate.phone.slice(3)]) {
      expect(html.text).not.toContain(secret);
    }
    const view = await api(server.url, `/api/self-service/${token}`, { headers: { "x-forwarded-for": address } });
    expect(view.status).toBe(200);
    expect(view.json.candidate).toEqual({
      firstName: "Asha",
      position: "Data Engineer",
      status: "pending",
      interviewAt: "2027-05-04T05:30:00.000Z",
      timeZone: "Asia/Kolkata",
      language: "en",
    });
    expect(JSON.stringify(view.json)).not.toMatch(/Ranganathan|asha\.private|\+91/);
  });

  it("confirms once, audited with source candidate; confirming again spends nothing", async () => {
    const candidate = await createCandidate(server.url);
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    const first = await selfService(token, { action: "confirm" }, address);
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ candidate: { status: "confirmed", interviewAt: candidate.interviewAt }, changed: true });
    const again = await selfService(token, { action: "confirm" }, address);
    expect(again.json).toMatchObject({ candidate: { status: "confirmed" }, changed: false });
    const { history } = await detail(candidate.id);
    const entries = history.filter((entry: Json) => entry.source === "candidate");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ from: "pending", to: "confirmed", actor: "candidate (self-service link)" });
    // Confirming never spends one of the link's moves.
    expect(db.select().from(selfServiceLinks).where(eq(selfServiceLinks.candidateId, candidate.id)).get()?.changesUsed).toBe(0);
    expect((await detail(candidate.id)).reach.selfService).toMatchObject({ state: "used", changesUsed: 0 });
  });

  it("moves the interview to a free slot, keeps the original, raises the invite's SEQUENCE and audits the move", async () => {
    const candidate = await createCandidate(server.url);
    const slot = await createSlot(server.url, uniqueInstant(), 2);
    const { token } = await newLink(candidate.id);
    const moved = await selfService(token, { action: "reschedule", slotId: slot.id }, newAddress());
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.candidate).toMatchObject({
      status: "rescheduled",
      interviewAt: slot.startsAt,
      originalInterviewAt: candidate.interviewAt,
    });
    const after = await detail(candidate.id);
    expect(after.candidate.inviteSequence).toBe(1);
    expect(after.history.at(-1)).toMatchObject({
      source: "candidate",
      from: "pending",
      to: "rescheduled",
      fromInterviewAt: candidate.interviewAt,
      toInterviewAt: slot.startsAt,
    });
  });

  it("refuses a full, past, too-close, not-offered or unknown slot, and a move too close to the interview, changing nothing", async () => {
    const address = newAddress();
    const full = await createSlot(server.url, uniqueInstant(), 1);
    await createCandidate(server.url, { interviewAt: full.startsAt });
    // A slot that has begun: the API refuses to create one, so an upcoming one is moved into the past.
    const past = await createSlot(server.url, uniqueInstant(), 3);
    db.update(interviewSlots)
      .set({ startsAt: new Date("2026-02-01T10:00:00Z") })
      .where(eq(interviewSlots.id, past.id))
      .run();
    const tooClose = await createSlot(server.url, new Date(Date.now() + 6 * HOUR).toISOString(), 3);
    const elsewhere = await createSlot(server.url, uniqueInstant(), 3);
    const allowed = await createSlot(server.url, uniqueInstant(), 3);

    const open = await createCandidate(server.url);
    const { token } = await newLink(open.id);
    const before = await snapshot(open.id);
    for (const [slotId, status, code] of [
      [full.id, 409, "slot_full"],
      [past.id, 409, "slot_past"],
      [tooClose.id, 409, "slot_too_close"],
      [999_999, 422, "validation_failed"],
    ] as const) {
      const refused = await selfService(token, { action: "reschedule", slotId }, address);
      expect(refused.status, `${slotId}: ${refused.text}`).toBe(status);
      expect(refused.json.error?.code).toBe(code);
    }
    expect(await snapshot(open.id)).toEqual(before);

    const restricted = await createCandidate(server.url, { reschedulingSlotIds: [allowed.id] });
    const restrictedLink = await newLink(restricted.id);
    const notOffered = await selfService(restrictedLink.token, { action: "reschedule", slotId: elsewhere.id }, address);
    expect(notOffered.status).toBe(409);
    expect(notOffered.json.error?.code).toBe("slot_not_offered");
    const ownSlots = await api(server.url, `/api/self-service/${restrictedLink.token}`, {
      headers: { "x-forwarded-for": address },
    });
    expect(ownSlots.json.slots.map((slot: Json) => slot.id)).toEqual([allowed.id]);

    const tomorrowMorning = await createCandidate(server.url, { interviewAt: new Date(Date.now() + 8 * HOUR).toISOString() });
    const lateLink = await newLink(tomorrowMorning.id);
    const lateBefore = await snapshot(tomorrowMorning.id);
    const late = await selfService(lateLink.token, { action: "reschedule", slotId: allowed.id }, address);
    expect(late.status).toBe(409);
    expect(late.json.error?.code).toBe("interview_too_close");
    expect(await snapshot(tomorrowMorning.id)).toEqual(lateBefore);
    // Confirming stays possible until the interview.
    expect((await selfService(lateLink.token, { action: "confirm" }, address)).json.candidate.status).toBe("confirmed");
  });

  it("rejects bodies that are not an action", async () => {
    const candidate = await createCandidate(server.url);
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    for (const body of [{}, { action: "decline" }, { action: "reschedule" }, { action: "reschedule", slotId: "1" }]) {
      expect((await selfService(token, body, address)).status).toBe(422);
    }
    const notJson = await api(server.url, `/api/self-service/${token}`, {
      method: "POST",
      body: "action=confirm",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    });
    expect(notJson.status).toBe(415);
    expect((await detail(candidate.id)).candidate.status).toBe("pending");
  });
});

describe("links that cannot be used", () => {
  it("a tampered or forged token: 404 link_not_found and a 404 page, nothing changed", async () => {
    const candidate = await createCandidate(server.url);
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    const before = await snapshot(candidate.id);
    const flipped = `${token.slice(0, 5)}${token[5] === "A" ? "B" : "A"}${token.slice(6)}`;
    for (const bad of [flipped, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "not-a-token", "x".repeat(2000)]) {
      const refused = await selfService(bad, { action: "confirm" }, address);
      expect(refused.status, bad).toBe(404);
      expect(refused.json.error?.code).toBe("link_not_found");
    }
    const shown = await page(flipped, address);
    expect(shown.status).toBe(404);
    expect(shown.text).toContain("This link does not work");
    expect(shown.text).not.toContain(candidate.name.split(" ")[0]!);
    expect((await api(server.url, `/i/${flipped}/invite.ics`, { headers: { "x-forwarded-for": address } })).status).toBe(404);
    expect(await snapshot(candidate.id)).toEqual(before);
  });

  it("a replaced or revoked link: 410 link_revoked; the newest link works", async () => {
    const candidate = await createCandidate(server.url);
    const first = await newLink(candidate.id);
    const second = await newLink(candidate.id);
    const address = newAddress();
    const old = await selfService(first.token, { action: "confirm" }, address);
    expect(old.status).toBe(410);
    expect(old.json.error?.code).toBe("link_revoked");
    expect((await page(first.token, address)).status).toBe(404);

    const revoked = await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "DELETE", ...asToken });
    expect(revoked.json).toEqual({ revoked: 1 });
    const refused = await selfService(second.token, { action: "confirm" }, address);
    expect(refused.json.error?.code).toBe("link_revoked");
    expect((await detail(candidate.id)).candidate.status).toBe("pending");
    expect((await detail(candidate.id)).reach.selfService).toMatchObject({ state: "revoked" });
  });

  it("a used-up link (SELF_SERVICE_MAX_CHANGES, default 2): 410 link_used_up for a move, the page still opens", async () => {
    const candidate = await createCandidate(server.url);
    const [a, b] = [await createSlot(server.url, uniqueInstant(), 3), await createSlot(server.url, uniqueInstant(), 3)];
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    expect((await selfService(token, { action: "reschedule", slotId: a.id }, address)).status).toBe(200);
    expect((await detail(candidate.id)).reach.selfService).toMatchObject({ state: "used", changesUsed: 1, maxChanges: 2 });
    expect((await selfService(token, { action: "reschedule", slotId: b.id }, address)).status).toBe(200);
    const before = await snapshot(candidate.id);
    const third = await selfService(token, { action: "reschedule", slotId: a.id }, address);
    expect(third.status).toBe(410);
    expect(third.json.error?.code).toBe("link_used_up");
    expect((await page(token, address)).status).toBe(200);
    expect(await snapshot(candidate.id)).toEqual(before);
    expect(before.interviewAt).toBe(b.startsAt);
  });

  it("an expired link: 410 link_expired", async () => {
    // The link lasts until the interview, which is two seconds away.
    const candidate = await createCandidate(server.url, { interviewAt: new Date(Date.now() + 2_000).toISOString() });
    const { token, expiresAt } = await newLink(candidate.id);
    expect(expiresAt).toBe(candidate.interviewAt);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 50));
    const address = newAddress();
    const refused = await selfService(token, { action: "confirm" }, address);
    expect(refused.status).toBe(410);
    expect(refused.json.error?.code).toBe("link_expired");
    expect((await page(token, address)).status).toBe(404);
    expect((await detail(candidate.id)).candidate.status).toBe("pending");
  });
});

describe("two candidates taking the last place at once", () => {
  it("exactly one wins; the other gets 409 slot_full, and the slot is never overbooked", async () => {
    for (let round = 0; round < 8; round++) {
      const slot = await createSlot(server.url, uniqueInstant(), 2);
      await createCandidate(server.url, { interviewAt: slot.startsAt });
      const [first, second] = [await createCandidate(server.url), await createCandidate(server.url)];
      const links = [await newLink(first.id), await newLink(second.id)];
      const answers = await Promise.all(
        links.map((link) => selfService(link.token, { action: "reschedule", slotId: slot.id }, newAddress())),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)?.json.error?.code).toBe("slot_full");
      const booked = db
        .select()
        .from(candidates)
        .where(eq(candidates.interviewAt, new Date(slot.startsAt)))
        .all();
      expect(booked).toHaveLength(2);
    }
  });
});

describe("calendar invites", () => {
  it("REQUEST with a stable UID, SEQUENCE raised on every move, CANCEL after a decline; the same through the link", async () => {
    const candidate = await createCandidate(server.url, {
      name: 'Eve " ;ROLE=CHAIR Okafor',
      email: `eve${unique()}@example.com`,
      position: "QA Engineer",
    });
    const slot = await createSlot(server.url, uniqueInstant(), 2);
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    const { uidNamespace } = db.select().from(installation).get()!;
    const download = async () => {
      const response = await api(server.url, `/api/candidates/${candidate.id}/invite.ics`, asToken);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/calendar; charset=utf-8; method=(REQUEST|CANCEL)$/);
      return { ics: parseIcs(response.text), fileName: response.headers.get("content-disposition") };
    };
    const { ics: first, fileName } = await download();
    expect(first.get("METHOD")).toBe("REQUEST");
    // Unique per installation: another Callboard's candidate 1 is not this one's.
    expect(uidNamespace).toMatch(/^[0-9a-f]{16}$/);
    expect(first.get("UID")).toBe(`candidate-${candidate.id}-${uidNamespace}@callboard`);
    expect(first.get("SEQUENCE")).toBe("0");
    // Not agreed to yet.
    expect(first.get("STATUS")).toBe("TENTATIVE");
    expect(first.get("DTSTART")).toBe(candidate.interviewAt.replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z"));
    const day = candidate.interviewAt.slice(0, 10);
    expect(fileName).toBe(`attachment; filename="interview-eve-role-chair-okafor-${day}.ics"`);
    // The name cannot add parameters of its own to the attendee.
    const attendee = first.lines.find((line) => line.name === "ATTENDEE")!;
    expect(attendee.params).toEqual({ RSVP: "FALSE", ROLE: "REQ-PARTICIPANT", CN: "Eve ^' ;ROLE=CHAIR Okafor" });
    expect(attendee.value).toBe(`mailto:${candidate.email}`);

    await selfService(token, { action: "reschedule", slotId: slot.id }, address);
    const { ics: moved } = await download();
    expect(moved.get("UID")).toBe(first.get("UID"));
    expect(moved.get("SEQUENCE")).toBe("1");
    expect(moved.get("DTSTART")).toBe(slot.startsAt.replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z"));
    // The candidate chose this time themselves.
    expect(moved.get("STATUS")).toBe("CONFIRMED");
    // Behind the link (the token is all it takes): the interview, and nobody's name or address.
    const throughLink = await api(server.url, `/i/${token}/invite.ics`, { headers: { "x-forwarded-for": address } });
    expect(throughLink.status).toBe(200);
    expect(throughLink.headers.get("cache-control")).toBe("no-store");
    expect(throughLink.headers.get("content-disposition")).toBe(
      `attachment; filename="interview-eve-${slot.startsAt.slice(0, 10)}.ics"`,
    );
    expect(throughLink.text).not.toMatch(/okafor|chair|@example\.com|mailto:eve/i);
    const published = parseIcs(throughLink.text);
    expect(published.get("METHOD")).toBe("PUBLISH");
    expect(published.all("ATTENDEE")).toEqual([]);
    expect(published.get("SUMMARY")).toBe("Interview: QA Engineer");
    expect(published.get("SEQUENCE")).toBe("1");
    expect(published.get("UID")).toBe(first.get("UID"));

    await api(server.url, `/api/candidates/${candidate.id}/status`, {
      method: "PUT",
      ...asToken,
      body: { status: "declined", reason: "withdrew by e-mail" },
    });
    const { ics: cancelled } = await download();
    expect(cancelled.get("METHOD")).toBe("CANCEL");
    expect(cancelled.get("STATUS")).toBe("CANCELLED");
    expect(cancelled.get("UID")).toBe(first.get("UID"));
    expect(cancelled.get("SEQUENCE")).toBe("2");
    expect((await api(server.url, `/api/candidates/${candidate.id}/invite.ics`)).status).toBe(401);
  });

  it("says CONFIRMED once the candidate confirmed", async () => {
    const candidate = await createCandidate(server.url);
    const { token } = await newLink(candidate.id);
    await selfService(token, { action: "confirm" }, newAddress());
    const response = await api(server.url, `/api/candidates/${candidate.id}/invite.ics`, asToken);
    expect(parseIcs(response.text).get("STATUS")).toBe("CONFIRMED");
  });
});

describe("messages without SMTP", () => {
  it("stay in the outbox as not sent, readable by admins only", async () => {
    const candidate = await createCandidate(server.url, { email: `outbox${unique()}@example.com` });
    const { url, token } = await newLink(candidate.id);
    await selfService(token, { action: "confirm" }, newAddress());
    const outbox = await api(server.url, "/api/outbox", asToken);
    expect(outbox.status).toBe(200);
    const mine = outbox.json.messages.filter((message: Json) => message.candidateId === candidate.id);
    expect(mine.map((message: Json) => message.kind)).toEqual(["confirmed", "self_service_link"]);
    for (const message of mine) {
      expect(message).toMatchObject({ state: "unsent", lastError: "not sent (no SMTP configured)", to: candidate.email });
      expect(parseIcs(message.ics).get("METHOD")).toBe("REQUEST");
    }
    expect(mine[1].body).toContain(url);
    expect(mine[0].subject).toMatch(/^Your interview is confirmed/);
  });
});

describe("the rate limit per client address", () => {
  it(`refuses the ${RATE_LIMIT + 1}th request in a minute from one address with 429, while another address is served`, async () => {
    const candidate = await createCandidate(server.url);
    const { token } = await newLink(candidate.id);
    const busy = newAddress();
    const answers = [];
    for (let i = 0; i < RATE_LIMIT; i++)
      answers.push((await api(server.url, `/api/self-service/${token}`, { headers: { "x-forwarded-for": busy } })).status);
    expect(answers.every((status) => status === 200)).toBe(true);
    const limited = await selfService(token, { action: "confirm" }, busy);
    expect(limited.status).toBe(429);
    expect(limited.json.error?.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await page(token, busy)).text).toContain("Please wait a moment");
    // Guessing tokens counts too.
    expect((await selfService("guessed.token", { action: "confirm" }, busy)).status).toBe(429);
    expect((await detail(candidate.id)).candidate.status).toBe("pending");
    expect((await selfService(token, { action: "confirm" }, newAddress())).status).toBe(200);
  });
});

describe("every self-service answer is no-store", () => {
  it("the view, the actions, the page, the invite and every refusal", async () => {
    const candidate = await createCandidate(server.url);
    const { token } = await newLink(candidate.id);
    const address = newAddress();
    const answers = [
      await api(server.url, `/api/self-service/${token}`, { headers: { "x-forwarded-for": address } }),
      await selfService(token, { action: "confirm" }, address),
      await selfService(token, { action: "reschedule", slotId: 999_999 }, address),
      await selfService(token, { action: "dance" }, address),
      await api(server.url, `/api/self-service/not-a-token`, { headers: { "x-forwarded-for": address } }),
      await api(server.url, `/i/${token}/invite.ics`, { headers: { "x-forwarded-for": address } }),
      await page(token, address),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 422, 422, 404, 200, 200]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toMatch(/(^|,\s*)no-store(,|$)/);
  });
});

describe("limits on new links", () => {
  it("a burst of 200 new links for one candidate makes 3 (and 3 e-mails); the rest 409 with Retry-After", async () => {
    const candidate = await createCandidate(server.url, { email: `burst${unique()}@example.com` });
    // Ten at a time, as a script or a stuck button sends them (a bigger burst from one address waits in line).
    const answers = await inPool(Array.from({ length: 200 }), 10, () =>
      api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", ...asToken }),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(new Set(refused.map((answer) => `${answer.status} ${answer.json.error?.code}`))).toEqual(
      new Set(["409 links_too_frequent"]),
    );
    for (const answer of refused) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused[0]!.json.error?.message).toMatch(/newest one still works/);
    const outbox = (await api(server.url, "/api/outbox", asToken)).json.messages as Json[];
    expect(outbox.filter((message) => message.candidateId === candidate.id)).toHaveLength(3);
  }, 60_000);

  it(`gives one user ${LINKS_PER_USER} new links an hour, then 429 with Retry-After`, async () => {
    const recruiter = {
      name: "Link Sender",
      email: `link.sender${unique()}@example.com`,
      password: "link-sender-pass-1!",
      role: "recruiter" as const,
    };
    await createUser(server.url, recruiter);
    // Behind the (trusted) proxy every request names its client.
    const signedIn = await attemptSignIn(server.url, recruiter.email, recruiter.password, { "x-forwarded-for": newAddress() });
    expect(signedIn.status).toBe(200);
    const cookie = cookieFrom(signedIn.headers);
    const statuses: number[] = [];
    for (let i = 0; i <= LINKS_PER_USER; i += 1) {
      const candidate = await createCandidate(server.url);
      const answer = await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", cookie });
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.json.error?.code).toBe("rate_limited");
        expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(3_000);
      }
    }
    expect(statuses, JSON.stringify(statuses)).toEqual([...Array<number>(LINKS_PER_USER).fill(201), 429]);
  }, 120_000);
});
