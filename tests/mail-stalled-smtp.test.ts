import { eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { API_TOKEN, api, createCandidate, startApiServer, unique, type Json } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import { freePort } from "./support/free-port";
import type { TestServer } from "./support/server";

/**
 * A real SMTP server (smtp-server) that reads a message's DATA and then never answers, as a mail server that
 * hangs after DATA does. The built server sends through it with an 8 s socket timeout.
 */
const STALL = "stall-once@example.com";
let smtp: SMTPServer;
let server: TestServer;
let db: Db;
/** Every DATA the server read, answered or not, in order. */
const received: { to: string; mail: ParsedMail }[] = [];
let stalled = 0;

beforeAll(async () => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address).join(",");
      simpleParser(stream)
        .then((mail) => {
          received.push({ to, mail });
          // The first message to STALL is read in full and never acknowledged.
          if (to.includes(STALL) && stalled++ === 0) return;
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  server = await startApiServer({
    SEED_DEMO: "false",
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    // Long enough for the other messages to go out while the first waits, whatever the machine's load.
    SMTP_SOCKET_TIMEOUT_SECONDS: "8",
    MAIL_FROM: "Hiring at Example <hiring@example.com>",
    APP_URL: "http://callboard.test",
  });
  db = openTestDatabase(server.databasePath);
});

afterAll(async () => {
  db?.$client.close();
  await server?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const asToken = { token: API_TOKEN };

async function linkMessageTo(email: string): Promise<number> {
  const candidate = await createCandidate(server.url, { email, interviewAt: "2027-06-01T04:30:00Z" });
  const link = await api(server.url, `/api/candidates/${candidate.id}/self-service-link`, { method: "POST", ...asToken });
  expect(link.status).toBe(201);
  return candidate.id as number;
}

async function outboxRow(candidateId: number): Promise<Json> {
  const { messages } = (await api(server.url, "/api/outbox", asToken)).json;
  return messages.find((message: Json) => message.candidateId === candidateId);
}

const deliveriesTo = (address: string) => received.filter((entry) => entry.to === address);

describe("a mail server that stops answering after DATA", () => {
  it("holds only its own message, which is retried later as the same message with the same Message-ID", async () => {
    const stalledId = await linkMessageTo(STALL);
    await vi.waitFor(() => expect(deliveriesTo(STALL)).toHaveLength(1), { timeout: 10_000, interval: 20 });

    // While that message waits for an answer that never comes, later ones go out.
    const others = [`first${unique()}@example.com`, `second${unique()}@example.com`];
    for (const email of others) await linkMessageTo(email);
    await vi.waitFor(() => expect(others.map((email) => deliveriesTo(email).length)).toEqual([1, 1]), {
      timeout: 10_000,
      interval: 20,
    });
    expect(await outboxRow(stalledId)).toMatchObject({ state: "queued", attempts: 1, lastError: null });

    // The socket timeout ends the attempt: the message waits for its retry, with the reason.
    await vi.waitFor(
      async () =>
        expect(await outboxRow(stalledId)).toMatchObject({
          state: "queued",
          attempts: 1,
          lastError: expect.stringMatching(/timeout/i),
        }),
      { timeout: 15_000, interval: 100 },
    );
    // Its retry falls due (30 s later on a real clock).
    db.update(outboxMessages).set({ nextAttemptAt: new Date() }).where(eq(outboxMessages.candidateId, stalledId)).run();
    await vi.waitFor(async () => expect((await outboxRow(stalledId)).state).toBe("sent"), { timeout: 10_000, interval: 100 });

    const [first, retry] = deliveriesTo(STALL).map((entry) => entry.mail);
    expect(retry).toBeDefined();
    const row = await outboxRow(stalledId);
    expect(first!.messageId).toBe(row.messageId);
    expect(retry!.messageId).toBe(first!.messageId);
    expect(retry!.date?.getTime()).toBe(first!.date?.getTime());
    expect(retry!.subject).toBe(first!.subject);
    expect(retry!.text).toBe(first!.text);
    const invite = (mail: ParsedMail) =>
      mail.attachments.find((part) => part.contentType === "text/calendar")?.content.toString();
    expect(invite(retry!)).toBe(invite(first!));
    expect(row).toMatchObject({ attempts: 2, rendered: true, to: STALL });
  });
});
