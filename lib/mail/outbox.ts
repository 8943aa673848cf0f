import { desc, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { placeholders, preparedFor } from "@/db/prepared";
import { outboxMessages, type OutboxMessage } from "@/db/schema";
import { env } from "@/lib/env";

/** `moved`: a recruiter moved the interview of a candidate who had answered; they are asked to confirm the new time. */
export type MessageKind = "confirmed" | "rescheduled" | "moved" | "declined" | "self_service_link";

/**
 * What a change asks to tell a candidate: which candidate, which kind of message, and the interview (and its
 * invite version) the message is about, as the change left them. The words and the invite are made from it when
 * the message is sent (lib/mail/mail-sender.ts), not in the transaction that queues it.
 */
export type MessageIntent = {
  candidateId: number;
  kind: MessageKind;
  interviewAt: Date;
  inviteSequence: number;
  /** The self-service link a `self_service_link` message carries. */
  link?: { url: string; expiresAt: Date };
  /** lib/mail/queue-message.ts `messageKey`: a second intent with the same key is not queued. */
  dedupeKey?: string | null;
};

const NO_SMTP = "not sent (no SMTP configured)";

const INTENT_COLUMNS = [
  "candidateId",
  "kind",
  "interviewAt",
  "inviteSequence",
  "linkUrl",
  "linkExpiresAt",
  "state",
  "nextAttemptAt",
  "lastError",
  "createdAt",
  "dedupeKey",
] as const;

// Prepared once per connection: on the webhook's path, building and preparing the INSERT cost more than running it.
const statements = preparedFor((db) =>
  db.insert(outboxMessages).values(placeholders(outboxMessages, INTENT_COLUMNS)).onConflictDoNothing().prepare(),
);

/**
 * The one way a message to a candidate is queued: inside the caller's transaction on `db`, so it exists exactly
 * when the change that caused it committed. With SMTP_URL it waits for the sender job; without, it stays unsent
 * for admins. An intent whose dedupe key is already in the outbox is not queued again (a unique index decides, so
 * two deliveries cannot both queue it).
 */
export function queueMessage(db: Db, intent: MessageIntent, now: Date): void {
  const smtp = env().SMTP_URL !== undefined;
  statements(db).run({
    candidateId: intent.candidateId,
    kind: intent.kind,
    interviewAt: intent.interviewAt,
    inviteSequence: intent.inviteSequence,
    linkUrl: intent.link?.url ?? null,
    linkExpiresAt: intent.link?.expiresAt ?? null,
    state: smtp ? "queued" : "unsent",
    nextAttemptAt: smtp ? now : null,
    lastError: smtp ? null : NO_SMTP,
    createdAt: now,
    dedupeKey: intent.dedupeKey ?? null,
  });
}

const OUTBOX_PAGE_SIZE = 50;

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
