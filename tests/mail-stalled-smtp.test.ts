import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { API_TOKEN, api, createCandidate, startApiServer, unique, type Json } from "./support/auth-client";
import { openTestDatabase } from "./support/database";
import type { TestServer } from "./support/server";
import { startSmtpServer, type TestSmtp } from "./support/smtp";

/**
 * A real SMTP server (tests/support/smtp.ts) that reads a message's DATA and then never answers, as a mail server that
 * hangs after DATA does. The built server sends through it with an 8 s socket timeout.
 */
const STALL = "stall-once@example.com";
let smtp: TestSmtp;
let server: TestServer;
let db: Db;
let stalled = 0;

beforeAll(async () => {
  // The first message to STALL is read in full and never acknowledged.
  smtp = await startSmtpServer({ answer: ({ envelopeTo }) => !(envelopeTo.includes(STALL) && stalled++ === 0) });
  server = await startApiServer({
    SEED_DEMO: "false",
    SMTP_URL: smtp.url,
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
  await smtp?.close();
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

/** Every DATA the server read for `address`, answered or not, in order. */
const deliveriesTo = (address: string) => smtp.received.filter((entry) => entry.envelopeTo.join(",") === address);

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
