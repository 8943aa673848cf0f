import { and, asc, eq, lte } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { outboxMessages, type OutboxMessage } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Waits before each retry of a message the SMTP server did not take; after the last, it is `failed`. */
const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 4 * 60 * 60_000];
/** A claimed message is someone else's for this long, so two processes do not send it twice. */
const LEASE_MS = 5 * 60_000;
const TICK_MS = 1_000;
const PER_TICK = 20;

export type Mail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  icalEvent?: { method: string; filename: string; content: string };
};
export type SendMail = (mail: Mail) => Promise<unknown>;

function claimDue(db: Db, now: Date): OutboxMessage[] {
  return db.transaction(
    (tx) => {
      const due = tx
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.state, "queued"), lte(outboxMessages.nextAttemptAt, now)))
        .orderBy(asc(outboxMessages.nextAttemptAt))
        .limit(PER_TICK)
        .all();
      for (const message of due) {
        tx.update(outboxMessages)
          .set({ attempts: message.attempts + 1, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
          .where(eq(outboxMessages.id, message.id))
          .run();
      }
      return due;
    },
    { behavior: "immediate" },
  );
}

function mailOf(message: OutboxMessage, from: string): Mail {
  return {
    from,
    to: message.toAddress,
    subject: message.subject,
    text: message.body,
    icalEvent: message.ics
      ? { method: (message.icsMethod ?? "REQUEST").toLowerCase(), filename: "invite.ics", content: message.ics }
      : undefined,
  };
}

/**
 * One pass of the sender: claims the queued messages that are due and hands each to `send`; a refusal is
 * retried later (RETRY_DELAYS_MS), and after the last retry the message is `failed` with the server's answer.
 */
export async function sendDueMessages(db: Db, send: SendMail, from: string, now = () => new Date()): Promise<number> {
  let sent = 0;
  for (const message of claimDue(db, now())) {
    try {
      await send(mailOf(message, from));
      db.update(outboxMessages)
        .set({ state: "sent", sentAt: now(), nextAttemptAt: null, lastError: null })
        .where(eq(outboxMessages.id, message.id))
        .run();
      sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const delay = RETRY_DELAYS_MS[attempts - 1];
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      db.update(outboxMessages)
        .set(
          delay === undefined
            ? { state: "failed", nextAttemptAt: null, lastError }
            : { nextAttemptAt: new Date(now().getTime() + delay), lastError },
        )
        .where(eq(outboxMessages.id, message.id))
        .run();
      log().warn({ messageId: message.id, attempts, err: error }, "sending a message failed");
    }
  }
  return sent;
}

const KEY = Symbol.for("callboard.mailSender");
type Holder = { [KEY]?: ReturnType<typeof setInterval> };

/**
 * Starts the process-wide sender once when SMTP_URL is set (nodemailer); without it, messages stay in the
 * outbox as `unsent` for admins to read (/outbox). lib/background.ts starts it.
 */
export function startMailSender(db: Db): void {
  const holder = globalThis as Holder;
  const config = env();
  if (holder[KEY] || !config.SMTP_URL) return;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  const send: SendMail = (mail) => transport.sendMail(mail);
  let running = false;
  holder[KEY] = setInterval(() => {
    if (running) return;
    running = true;
    sendDueMessages(db, send, config.MAIL_FROM)
      .catch((error: unknown) => log().error({ err: error }, "mail sender pass failed"))
      .finally(() => (running = false));
  }, TICK_MS);
  holder[KEY].unref();
}
