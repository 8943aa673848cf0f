import { and, asc, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calls, candidates, rejectedSenders, webhookEvents } from "@/db/schema";
import { parseExecution } from "@/lib/bolna/parse-execution";
import type { CandidateStatus } from "@/lib/candidates/status";

/** Deliveries no candidate matched that an admin has not linked or dismissed yet (originals, not repeats). */
export const openUnmatched = and(
  eq(webhookEvents.result, "unmatched"),
  isNull(webhookEvents.dismissedAt),
  isNull(webhookEvents.duplicateOfId),
);

export type UnmatchedDelivery = {
  id: number;
  receivedAt: Date;
  executionId: string;
  bolnaStatus: string | null;
  senderIp: string | null;
  /** Every phone number the body carries, as Bolna wrote them. */
  phones: string[];
  rawBody: string;
};

function phonesIn(rawBody: string): string[] {
  try {
    const parsed = parseExecution(JSON.parse(rawBody));
    return parsed.ok ? parsed.execution.phones : [];
  } catch {
    return [];
  }
}

/** The open unmatched deliveries, newest first. */
export function listUnmatched(db: Db, limit = 100): UnmatchedDelivery[] {
  return db
    .select({
      id: webhookEvents.id,
      receivedAt: webhookEvents.receivedAt,
      executionId: webhookEvents.executionId,
      bolnaStatus: webhookEvents.bolnaStatus,
      senderIp: webhookEvents.senderIp,
      rawBody: webhookEvents.rawBody,
    })
    .from(webhookEvents)
    .where(openUnmatched)
    .orderBy(desc(webhookEvents.id))
    .limit(limit)
    .all()
    .map((row) => {
      const rawBody = row.rawBody ?? "";
      return { ...row, rawBody, phones: phonesIn(rawBody) };
    });
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
