import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { candidates, selfServiceLinks, type Candidate, type SelfServiceLink } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { authSecret } from "@/lib/auth/auth-secret";
import { env } from "@/lib/env";
import { ApiError, notFound } from "@/lib/http/api-error";
import { queueMessage } from "@/lib/mail/outbox";
import { checkLinkLimits } from "./link-limits";
import { createLinkToken, tokenHash, verifyLinkToken } from "./link-token";

const DAY_MS = 24 * 3600_000;

export type CreatedLink = { url: string; expiresAt: Date };

/**
 * A new self-service link for the candidate (POST /api/candidates/{id}/self-service-link): it ends every earlier
 * link of theirs, lasts SELF_SERVICE_LINK_DAYS but never past the interview, and is e-mailed to the candidate
 * (through the outbox, in the same transaction), within the limits of ./link-limits.ts. The token is returned
 * once and kept only as a hash.
 */
export function createSelfServiceLink(db: Db, candidateId: number, actor: Actor, baseUrl: string, now = new Date()): CreatedLink {
  const config = env();
  return db.transaction(
    (tx) => {
      const candidate = tx.select().from(candidates).where(eq(candidates.id, candidateId)).get();
      if (!candidate) throw notFound(`Candidate ${candidateId}`);
      if (candidate.interviewAt.getTime() <= now.getTime()) {
        throw new ApiError(
          "interview_passed",
          `${candidate.name}'s interview has already begun: a link would have nothing to offer.`,
        );
      }
      checkLinkLimits(tx, candidateId, actor, now);
      const expiresAt = new Date(
        Math.min(now.getTime() + config.SELF_SERVICE_LINK_DAYS * DAY_MS, candidate.interviewAt.getTime()),
      );
      const token = createLinkToken(expiresAt, authSecret());
      revokeActive(tx, candidateId, now);
      tx.insert(selfServiceLinks)
        .values({
          candidateId,
          tokenHash: tokenHash(token),
          expiresAt,
          maxChanges: config.SELF_SERVICE_MAX_CHANGES,
          createdBy: actor.label,
          createdAt: now,
        })
        .run();
      const url = `${baseUrl.replace(/\/+$/, "")}/i/${token}`;
      if (candidate.email) {
        const { interviewAt, inviteSequence } = candidate;
        queueMessage(db, { candidateId, kind: "self_service_link", interviewAt, inviteSequence, link: { url, expiresAt } }, now);
      }
      return { url, expiresAt };
    },
    { behavior: "immediate" },
  );
}

function revokeActive(tx: Tx, candidateId: number, now: Date): number {
  return tx
    .update(selfServiceLinks)
    .set({ revokedAt: now })
    .where(and(eq(selfServiceLinks.candidateId, candidateId), isNull(selfServiceLinks.revokedAt)))
    .run().changes;
}

/** A recruiter's "revoke": every link of the candidate stops working. Returns how many were still active. */
export function revokeSelfServiceLinks(db: Db, candidateId: number, now = new Date()): number {
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, candidateId)).get()) {
        throw notFound(`Candidate ${candidateId}`);
      }
      return revokeActive(tx, candidateId, now);
    },
    { behavior: "immediate" },
  );
}

export type OpenLink = { link: SelfServiceLink; candidate: Candidate };

const NOT_FOUND = "This link is not valid. Check that it was copied completely, or ask the recruiter for a new one.";

/**
 * The link a token opens, or the reason it does not: 404 link_not_found (malformed, forged, unknown), 410
 * link_expired or link_revoked (a newer link or a recruiter ended it). A link whose changes are spent still shows
 * the interview and confirms it (`view`); only a move (`change`) is refused with link_used_up.
 */
export function openLink(db: Pick<Db, "select">, token: string, now: Date, use: "view" | "change"): OpenLink {
  const check = verifyLinkToken(token, authSecret());
  if (!check.ok) throw new ApiError("link_not_found", NOT_FOUND);
  const expired = new ApiError("link_expired", "This link has expired. Ask the recruiter for a new one.");
  if (check.expiresAt.getTime() <= now.getTime()) throw expired;
  const link = db
    .select()
    .from(selfServiceLinks)
    .where(eq(selfServiceLinks.tokenHash, tokenHash(token)))
    .get();
  if (!link) throw new ApiError("link_not_found", NOT_FOUND);
  if (link.revokedAt)
    throw new ApiError("link_revoked", "This link has been replaced or withdrawn. Use the newest link you received.");
  if (link.expiresAt.getTime() <= now.getTime()) throw expired;
  if (use === "change" && link.changesUsed >= link.maxChanges) {
    throw new ApiError(
      "link_used_up",
      `This link has already moved your interview ${link.maxChanges} times, as many as it allows: your interview stays as shown. Contact the recruiter to change it again.`,
    );
  }
  const candidate = db.select().from(candidates).where(eq(candidates.id, link.candidateId)).get();
  if (!candidate) throw new ApiError("link_not_found", NOT_FOUND);
  return { link, candidate };
}
