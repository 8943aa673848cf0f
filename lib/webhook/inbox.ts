import { and, asc, count, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, rejectedSenders, webhookEvents } from "@/db/schema";
import type { CandidateStatus } from "@/db/values";

/** Deliveries no candidate matched that an admin has not linked or dismissed yet (originals, not repeats). */
export const openUnmatched = and(
  eq(webhookEvents.result, "unmatched"),
  isNull(webhookEvents.dismissedAt),
  isNull(webhookEvents.duplicateOfId),
);

/** The inbox shows at most this much of a body; the whole of it is a download (GET /api/webhook-events/{id}/raw). */
const INBOX_BODY_CHARS = 4_000;

export type UnmatchedDelivery = {
  id: number;
  receivedAt: Date;
  executionId: string;
  bolnaStatus: string | null;
  senderIp: string | null;
  /** Every phone number the body carries, as Bolna wrote them. */
  phones: string[];
  /** The start of the stored body (INBOX_BODY_CHARS), and its whole size. */
  rawBody: string;
  rawBodyBytes: number;
  rawBodyCut: boolean;
};

// Where Bolna puts the candidate's number, most specific first: parseExecution's `phones`, read by SQLite from the
// stored body so that no body is parsed in JavaScript (a 1 MiB one costs the server's heap, not SQLite's).
const PHONE_PATHS = [
  "$.context_details.recipient_phone_number",
  "$.recipient_phone_number",
  "$.user_number",
  "$.telephony_data.to_number",
];
const phoneAt = (path: string) =>
  sql<
    string | null
  >`case when json_valid(${webhookEvents.rawBody}) then cast(json_extract(${webhookEvents.rawBody}, ${path}) as text) end`;

/** The open unmatched deliveries, newest first, each body cut to INBOX_BODY_CHARS. */
export function listUnmatched(db: Db, limit = 20): UnmatchedDelivery[] {
  return db
    .select({
      id: webhookEvents.id,
      receivedAt: webhookEvents.receivedAt,
      executionId: webhookEvents.executionId,
      bolnaStatus: webhookEvents.bolnaStatus,
      senderIp: webhookEvents.senderIp,
      rawBody: sql<string>`coalesce(substr(${webhookEvents.rawBody}, 1, ${INBOX_BODY_CHARS}), '')`,
      rawBodyBytes: sql<number>`coalesce(octet_length(${webhookEvents.rawBody}), 0)`,
      phone0: phoneAt(PHONE_PATHS[0]!),
      phone1: phoneAt(PHONE_PATHS[1]!),
      phone2: phoneAt(PHONE_PATHS[2]!),
      phone3: phoneAt(PHONE_PATHS[3]!),
    })
    .from(webhookEvents)
    .where(openUnmatched)
    .orderBy(desc(webhookEvents.id))
    .limit(limit)
    .all()
    .map(({ phone0, phone1, phone2, phone3, ...row }) => ({
      ...row,
      // As the parser: a "phone" longer than 40 characters is none.
      phones: [
        ...new Set([phone0, phone1, phone2, phone3].filter((phone): phone is string => !!phone?.trim() && phone.length <= 40)),
      ],
      rawBodyCut: Buffer.byteLength(row.rawBody) < row.rawBodyBytes,
    }));
}

/** A delivery's whole stored body (a duplicate's is on its original); null when there is none. */
export function storedBody(db: Db, eventId: number): string | null {
  const event = db
    .select({ rawBody: webhookEvents.rawBody, duplicateOfId: webhookEvents.duplicateOfId })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, eventId))
    .get();
  if (!event) return null;
  if (event.rawBody !== null || event.duplicateOfId === null) return event.rawBody;
  return (
    db.select({ rawBody: webhookEvents.rawBody }).from(webhookEvents).where(eq(webhookEvents.id, event.duplicateOfId)).get()
      ?.rawBody ?? null
  );
}

/** For the navigation badge: how many deliveries wait for an admin. */
export function countOpenUnmatched(db: Db): number {
  return db.select({ n: count() }).from(webhookEvents).where(openUnmatched).get()?.n ?? 0;
}

export type ResolvedDelivery = {
  id: number;
  executionId: string;
  resolvedAt: Date;
  /** The candidate the call now belongs to; null when the delivery was dismissed and nothing claimed it since. */
  candidate: { id: number; name: string; status: CandidateStatus } | null;
};

/** Unmatched deliveries an admin linked or dismissed, most recent first, so the inbox can say what happened. */
export function listRecentlyResolved(db: Db, limit = 10): ResolvedDelivery[] {
  return db
    .select({
      id: webhookEvents.id,
      executionId: webhookEvents.executionId,
      resolvedAt: webhookEvents.dismissedAt,
      candidateId: candidates.id,
      candidateName: candidates.name,
      candidateStatus: candidates.status,
    })
    .from(webhookEvents)
    .leftJoin(calls, eq(calls.executionId, webhookEvents.executionId))
    .leftJoin(candidates, eq(candidates.id, calls.candidateId))
    .where(and(eq(webhookEvents.result, "unmatched"), isNull(webhookEvents.duplicateOfId), isNotNull(webhookEvents.dismissedAt)))
    .orderBy(desc(webhookEvents.dismissedAt), desc(webhookEvents.id))
    .limit(limit)
    .all()
    .flatMap(({ candidateId, candidateName, candidateStatus, resolvedAt, ...row }) => {
      if (!resolvedAt) return [];
      const candidate =
        candidateId !== null && candidateName !== null && candidateStatus !== null
          ? { id: candidateId, name: candidateName, status: candidateStatus }
          : null;
      return [{ ...row, resolvedAt, candidate }];
    });
}

export type LinkTarget = { id: number; name: string; phone: string };

/** Candidates an admin can link a delivery to, by name. */
export function listLinkTargets(db: Db, limit = 2000): LinkTarget[] {
  return db
    .select({ id: candidates.id, name: candidates.name, phone: candidates.phone })
    .from(candidates)
    .orderBy(asc(candidates.name), asc(candidates.id))
    .limit(limit)
    .all();
}

/** Senders the webhook refused, the most recent first: a new address may be Bolna sending from a new IP. */
export function listRejectedSenders(db: Db, limit = 100) {
  return db.select().from(rejectedSenders).orderBy(desc(rejectedSenders.lastSeenAt), asc(rejectedSenders.ip)).limit(limit).all();
}
