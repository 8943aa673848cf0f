import { desc, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages, type OutboxMessage } from "@/db/schema";
import { env } from "@/lib/env";

type Writer = Pick<Db, "insert">;

/** `moved`: a recruiter moved the interview of a candidate who had answered; they are asked to confirm the new time. */
export const MESSAGE_KINDS = ["confirmed", "rescheduled", "moved", "declined", "self_service_link"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type NewMessage = {
  candidateId: number;
  kind: MessageKind;
  /** lib/mail/queue-message.ts `messageKey`: a second message with the same key is not queued. */
  dedupeKey?: string | null;
  to: string;
  subject: string;
  body: string;
  ics: string | null;
  icsMethod: string | null;
};

export const NO_SMTP = "not sent (no SMTP configured)";

/**
 * Puts a message in the outbox inside the caller's transaction, so it exists exactly when the change that caused
 * it committed. With SMTP_URL it is queued for lib/mail/mail-sender.ts; without, it stays unsent for admins. A
 * message whose dedupe key is already in the outbox is not queued again (a unique index decides, so two
 * deliveries cannot both queue it).
 */
export function enqueueMessage(tx: Writer, message: NewMessage, now: Date): void {
  const smtp = env().SMTP_URL !== undefined;
  tx.insert(outboxMessages)
    .values({
      candidateId: message.candidateId,
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      ics: message.ics,
      icsMethod: message.icsMethod,
      state: smtp ? "queued" : "unsent",
      nextAttemptAt: smtp ? now : null,
      lastError: smtp ? null : NO_SMTP,
      createdAt: now,
      dedupeKey: message.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .run();
}

export const OUTBOX_PAGE_SIZE = 50;

/** The newest messages first; `before` pages back by id. */
export function listOutbox(db: Pick<Db, "select">, before?: number): OutboxMessage[] {
  return db
    .select()
    .from(outboxMessages)
    .where(before === undefined ? undefined : lt(outboxMessages.id, before))
    .orderBy(desc(outboxMessages.id))
    .limit(OUTBOX_PAGE_SIZE)
    .all();
}

export function outboxJson(message: OutboxMessage) {
  return {
    id: message.id,
    candidateId: message.candidateId,
    kind: message.kind,
    to: message.toAddress,
    subject: message.subject,
    body: message.body,
    ics: message.ics,
    icsMethod: message.icsMethod,
    state: message.state,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}
