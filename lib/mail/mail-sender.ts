import { and, asc, eq, lte, notInArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db, Tx } from "@/db/client";
import { candidates, outboxMessages, type OutboxMessage } from "@/db/schema";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { outboxMessageId, renderMessage } from "./candidate-messages";

/** Waits before each retry of a message the SMTP server did not take; after the last, it is `failed`. */
const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 4 * 60 * 60_000];
/**
 * A claimed message is someone else's for this long, so two processes do not send it at once; longer than an
 * attempt can last with the SMTP timeouts (a message whose attempt is cut short is retried with its Message-ID).
 */
const LEASE_MS = 15 * 60_000;
/** Messages on their way at once: each has its own SMTP connection, so one stalled server holds one place only. */
const CONCURRENCY = 4;

type Mail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  date: Date;
  icalEvent?: { method: string; filename: string; content: string };
};
type SendMail = (mail: Mail) => Promise<unknown>;

type SenderDeps = { db: Db; send: SendMail; from: string; now?: () => Date; concurrency?: number };

export type MailSender = {
  /** Claims what is due (as many as there are free places) and starts sending it; does not wait for the sends. */
  tick(): void;
  /** Resolves when every send started so far has ended. */
  idle(): Promise<void>;
};

type Ready = OutboxMessage & { toAddress: string; subject: string; body: string; messageId: string };

/**
 * Renders an intent at its first attempt and keeps what was rendered, so every retry sends the same message.
 * One whose candidate is gone or has no e-mail address any more cannot be sent: it fails at once.
 */
function renderOnce(tx: Tx, message: OutboxMessage): Ready | null {
  if (message.subject !== null && message.toAddress !== null && message.body !== null) {
    // Rendered when it was queued (before intents): it only needs its Message-ID.
    const messageId = message.messageId ?? outboxMessageId(message);
    if (message.messageId === null) tx.update(outboxMessages).set({ messageId }).where(eq(outboxMessages.id, message.id)).run();
    return { ...message, subject: message.subject, toAddress: message.toAddress, body: message.body, messageId };
  }
  const candidate =
    message.candidateId === null ? undefined : tx.select().from(candidates).where(eq(candidates.id, message.candidateId)).get();
  const rendered = candidate && renderMessage(tx, candidate, message);
  if (!rendered) {
    const lastError = candidate
      ? "The candidate has no e-mail address any more."
      : "The candidate was deleted before the message was sent.";
    tx.update(outboxMessages)
      .set({ state: "failed", nextAttemptAt: null, lastError })
      .where(eq(outboxMessages.id, message.id))
      .run();
    log().warn({ messageId: message.id }, lastError);
    return null;
  }
  tx.update(outboxMessages).set(rendered).where(eq(outboxMessages.id, message.id)).run();
  return { ...message, ...rendered };
}

function mailOf(message: Ready, from: string): Mail {
  return {
    from,
    to: message.toAddress,
    subject: message.subject,
    text: message.body,
    // The same headers on every attempt: a delivery repeated after an unanswered DATA is the same message.
    messageId: message.messageId,
    date: message.createdAt,
    icalEvent: message.ics
      ? { method: (message.icsMethod ?? "REQUEST").toLowerCase(), filename: "invite.ics", content: message.ics }
      : undefined,
  };
}

/**
 * The outbox's sender: each tick claims due messages (a lease, in an IMMEDIATE transaction, so two processes do
 * not send one twice), renders those sent for the first time, and sends each on its own; a refusal or a timeout
 * is retried later (RETRY_DELAYS_MS) with the same Message-ID, and after the last retry the message is `failed`
 * with the server's answer.
 */
function createMailSender(deps: SenderDeps): MailSender {
  const { db, send, from } = deps;
  const now = deps.now ?? (() => new Date());
  const concurrency = deps.concurrency ?? CONCURRENCY;
  const sending = new Map<number, Promise<void>>();

  function claimDue(places: number): Ready[] {
    const at = now();
    return db.transaction(
      (tx) => {
        const due = tx
          .select()
          .from(outboxMessages)
          .where(
            and(
              eq(outboxMessages.state, "queued"),
              lte(outboxMessages.nextAttemptAt, at),
              notInArray(outboxMessages.id, [...sending.keys()]),
            ),
          )
          .orderBy(asc(outboxMessages.nextAttemptAt))
          .limit(places)
          .all();
        const ready: Ready[] = [];
        for (const message of due) {
          const rendered = renderOnce(tx, message);
          if (!rendered) continue;
          tx.update(outboxMessages)
            .set({ attempts: message.attempts + 1, nextAttemptAt: new Date(at.getTime() + LEASE_MS) })
            .where(eq(outboxMessages.id, message.id))
            .run();
          ready.push(rendered);
        }
        return ready;
      },
      { behavior: "immediate" },
    );
  }

  async function deliver(message: Ready): Promise<void> {
    try {
      await send(mailOf(message, from));
      db.update(outboxMessages)
        .set({ state: "sent", sentAt: now(), nextAttemptAt: null, lastError: null })
        .where(eq(outboxMessages.id, message.id))
        .run();
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

  return {
    tick() {
      const places = concurrency - sending.size;
      if (places <= 0) return;
      for (const message of claimDue(places)) {
        sending.set(
          message.id,
          deliver(message).finally(() => sending.delete(message.id)),
        );
      }
    },
    async idle() {
      await Promise.all(sending.values());
    },
  };
}

/**
 * The server's sender through SMTP_URL (nodemailer, a connection per message), with the configured connection,
 * greeting and socket timeouts; null without SMTP_URL (messages then stay unsent in the outbox for admins).
 */
export function serverMailSender(db: Db): MailSender | null {
  const config = env();
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport({
    url: config.SMTP_URL,
    connectionTimeout: config.SMTP_CONNECTION_TIMEOUT_SECONDS * 1000,
    greetingTimeout: config.SMTP_GREETING_TIMEOUT_SECONDS * 1000,
    socketTimeout: config.SMTP_SOCKET_TIMEOUT_SECONDS * 1000,
  });
  return createMailSender({ db, send: (mail) => transport.sendMail(mail), from: config.MAIL_FROM });
}
