import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { candidates, type OutboxMessage } from "@/db/schema";
import { renderMessage, type Recipient } from "./candidate-messages";
import { listOutbox } from "./outbox";

export type OutboxEntry = OutboxMessage & { rendered: boolean };

/**
 * The newest messages for admins (`before` pages back by id). A message not rendered yet (queued, or kept unsent
 * without SMTP) is shown as it would be rendered now, without writing anything: reads stay reads.
 */
export function outboxEntries(db: Pick<Db, "select">, before?: number): OutboxEntry[] {
  const rows = listOutbox(db, before);
  const pending = rows.filter((row) => row.subject === null && row.candidateId !== null);
  const recipients = new Map<number, Recipient>(
    pending.length === 0
      ? []
      : db
          .select({
            id: candidates.id,
            name: candidates.name,
            email: candidates.email,
            phone: candidates.phone,
            timeZone: candidates.timeZone,
            position: candidates.position,
            status: candidates.status,
            requestedInterviewAt: candidates.requestedInterviewAt,
            language: candidates.language,
          })
          .from(candidates)
          .where(
            inArray(
              candidates.id,
              pending.map((row) => row.candidateId!),
            ),
          )
          .all()
          .map((candidate) => [candidate.id, candidate]),
  );
  return rows.map((row) => {
    if (row.subject !== null) return { ...row, rendered: true };
    const recipient = row.candidateId === null ? undefined : recipients.get(row.candidateId);
    const preview = recipient && renderMessage(db, recipient, row);
    return { ...row, ...preview, rendered: false };
  });
}

export function outboxJson(message: OutboxEntry) {
  return {
    id: message.id,
    candidateId: message.candidateId,
    kind: message.kind,
    interviewAt: message.interviewAt?.toISOString() ?? null,
    to: message.toAddress,
    subject: message.subject,
    body: message.body,
    ics: message.ics,
    icsMethod: message.icsMethod,
    messageId: message.messageId,
    rendered: message.rendered,
    state: message.state,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
  };
}
