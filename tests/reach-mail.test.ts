import crypto from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API_TOKEN, api, createCandidate, startApiServer, unique, type Json } from "./support/auth-client";
import { parseIcs } from "./support/ics";
import { loadPayload, retarget } from "./support/payloads";
import type { TestServer } from "./support/server";
import { startSmtpServer, type TestSmtp } from "./support/smtp";
import { postWebhook } from "./support/webhook-client";

/**
 * Messages to candidates through a real SMTP server (smtp-server on a free port), read back with mailparser: the
 * server is started with SMTP_URL, and its sender job delivers what the outbox queued.
 */
const REFUSED = "refuse-me@example.com";
let smtp: TestSmtp;
let server: TestServer;

beforeAll(async () => {
  smtp = await startSmtpServer({
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
  });
  server = await startApiServer({
    SEED_DEMO: "false",
    SMTP_URL: smtp.url,
    MAIL_FROM: "Hiring at Example <hiring@example.com>",
    APP_URL: "http://callboard.test",
  });
});

afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const asToken = { token: API_TOKEN };

async function mailTo(address: string, subject: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await vi.waitFor(
    () => {
      found = smtp.received.find((entry) => entry.envelopeTo.includes(address) && subject.test(entry.mail.subject ?? ""))?.mail;
      expect(found).toBeDefined();
    },
    { timeout: 10_000, interval: 50 },
  );
  return found!;
}

/** The calendar part nodemailer adds (icalEvent): mailparser lists it with the attachments. */
function invite(mail: ParsedMail) {
  const part = mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
  expect(part, "a text/calendar part").toBeDefined();
  return { part: part!, ics: parseIcs(part!.content.toString("utf8")) };
}

describe("messages through SMTP", () => {
  it("sends the self-service link with the invite, then the confirmation the candidate made with it", async () => {
    const email = `candidate${unique()}@example.com`;
    const candidate = await createCandidate(server.url, {
      name: "Meera Pillai",
      email,
      position: "Data Analyst",
      interviewAt: "2027-06-01T04:30:00Z",
    });
    const link = await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", ...asToken });
    expect(link.status).toBe(201);
    expect(link.json.url).toMatch(/^http:\/\/callboard\.test\/i\//);

    const linkMail = await mailTo(email, /confirm or choose another time/);
    expect(linkMail.from?.value[0]).toMatchObject({ address: "hiring@example.com", name: "Hiring at Example" });
    expect(linkMail.to && !Array.isArray(linkMail.to) ? linkMail.to.value[0]?.address : null).toBe(email);
    expect(linkMail.text).toContain("Hello Meera,");
    expect(linkMail.text).toContain(link.json.url);
    // +91: the candidate's zone is Asia/Kolkata; 04:30 UTC is 10:00 there.
    expect(linkMail.text).toContain("Tue 1 Jun 2027, 10:00 IST (Asia/Kolkata)");
    const linkInvite = invite(linkMail);
    expect(linkInvite.part.contentType).toBe("text/calendar");
    expect(linkInvite.ics.get("METHOD")).toBe("REQUEST");
    expect(linkInvite.ics.get("UID")).toMatch(new RegExp(`^candidate-${candidate.id}-[0-9a-f]{16}@callboard\\.test$`));
    expect(linkInvite.ics.get("DTSTART")).toBe("20270601T043000Z");
    expect(linkInvite.ics.get("SEQUENCE")).toBe("0");

    const token = (link.json.url as string).split("/i/")[1]!;
    const confirmed = await api(server.url, `/api/self-service/${token}`, { method: "POST", body: { action: "confirm" } });
    expect(confirmed.status).toBe(200);
    const confirmation = await mailTo(email, /^Your interview is confirmed/);
    expect(confirmation.text).toContain("Your interview for Data Analyst is confirmed for Tue 1 Jun 2027, 10:00 IST");
    expect(invite(confirmation).ics.get("METHOD")).toBe("REQUEST");

    const { messages } = (await api(server.url, "/api/outbox", asToken)).json;
    const mine = messages.filter((message: Json) => message.candidateId === candidate.id);
    expect(mine.map((message: Json) => message.state)).toEqual(["sent", "sent"]);
  });

  it("sends a cancellation (METHOD:CANCEL, a higher SEQUENCE) after a call ends in a decline", async () => {
    const email = `decliner${unique()}@example.com`;
    const candidate = await createCandidate(server.url, { name: "Kavya Nair", email });
    const declined = retarget(loadPayload("09-completed-declined"), crypto.randomUUID(), candidate.phone);
    const delivered = await postWebhook(server.url, declined);
    expect(delivered.json).toMatchObject({ result: "applied", candidateStatus: "declined" });
    const cancellation = await mailTo(email, /^Your interview is cancelled/);
    const { part, ics } = invite(cancellation);
    expect(part.contentType).toBe("text/calendar");
    expect(ics.get("METHOD")).toBe("CANCEL");
    expect(ics.get("STATUS")).toBe("CANCELLED");
    expect(ics.get("UID")).toMatch(new RegExp(`^candidate-${candidate.id}-[0-9a-f]{16}@callboard\\.test$`));
    expect(ics.get("SEQUENCE")).toBe("1");
    expect(cancellation.text).toContain("is cancelled");
  });

  it("writes the message in the candidate's language when it is sent: the delivery queued only its intent", async () => {
    const email = `hindi${unique()}@example.com`;
    const candidate = await createCandidate(server.url, { name: "Ravi Kumar", email, position: "Data Analyst", language: "hi" });
    const declined = retarget(loadPayload("09-completed-declined"), crypto.randomUUID(), candidate.phone);
    expect((await postWebhook(server.url, declined)).json).toMatchObject({ result: "applied", candidateStatus: "declined" });
    const cancellation = await mailTo(email, /^आपका इंटरव्यू रद्द हो गया है$/);
    expect(cancellation.text).toContain("नमस्ते Ravi,");
    expect(cancellation.text).toContain("Data Analyst के लिए");
    expect(invite(cancellation).ics.get("METHOD")).toBe("CANCEL");
  });

  it("asks a Hindi candidate whose confirmed interview a recruiter moved to confirm the new time, in Hindi", async () => {
    const email = `moved${unique()}@example.com`;
    const candidate = await createCandidate(server.url, {
      name: "Sunita Rao",
      email,
      position: "Data Analyst",
      language: "hi",
      interviewAt: "2027-07-01T04:30:00Z",
    });
    const link = await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", ...asToken });
    const token = (link.json.url as string).split("/i/")[1]!;
    const confirmed = await api(server.url, `/api/self-service/${token}`, { method: "POST", body: { action: "confirm" } });
    expect(confirmed.json.candidate.status).toBe("confirmed");
    const moved = await api(server.url, `/api/candidates/${candidate.id}`, {
      method: "PATCH",
      body: { interviewAt: "2027-07-02T06:30:00Z" },
      ...asToken,
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.candidate).toMatchObject({ status: "pending", statusEvent: "needs_reconfirmation" });

    // The state machine's "moved" message, queued as an intent by the edit and written in Hindi by the mail job.
    const movedMail = await mailTo(email, /^आपका इंटरव्यू बदल गया है: कृपया .* की पुष्टि करें$/);
    expect(movedMail.text).toContain("नमस्ते Sunita,");
    expect(movedMail.text).toContain("हमें Data Analyst के लिए आपका इंटरव्यू");
    const { ics } = invite(movedMail);
    expect(ics.get("METHOD")).toBe("REQUEST");
    expect(ics.get("DTSTART")).toBe("20270702T063000Z");
    // Raised by the edit's own write (lib/candidates/save-candidate.ts): the calendar replaces the old time.
    expect(ics.get("SEQUENCE")).toBe("1");
  });

  it("keeps a message the SMTP server refused queued for a retry, with the server's answer", async () => {
    const candidate = await createCandidate(server.url, { email: REFUSED });
    await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", ...asToken });
    let message: Json | undefined;
    await vi.waitFor(
      async () => {
        const { messages } = (await api(server.url, "/api/outbox", asToken)).json;
        message = messages.find((entry: Json) => entry.candidateId === candidate.id);
        expect(message?.lastError).toBeTruthy();
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(message).toMatchObject({ state: "queued", attempts: 1, lastError: expect.stringMatching(/mailbox unavailable/) });
    expect(smtp.received.some((entry) => entry.envelopeTo.includes(REFUSED))).toBe(false);
  });
});
