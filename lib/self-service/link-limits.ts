import { and, asc, count, eq, gt, min } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { selfServiceLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

const MINUTE = 60_000;

/**
 * Every new link e-mails the candidate, so a stuck button, a script or a hostile colleague must not be able to
 * fill their inbox: per candidate 3 links in 10 minutes and 10 a day (409 links_too_frequent), per user or token
 * SELF_SERVICE_LINKS_PER_USER_HOUR an hour (429 rate_limited); both say when to try again (Retry-After). Counted
 * from the links themselves, so there is nothing else to keep or to purge.
 */
const LINKS_PER_CANDIDATE = [
  { max: 3, windowMs: 10 * MINUTE },
  { max: 10, windowMs: 24 * 60 * MINUTE },
] as const;
const USER_WINDOW_MS = 60 * MINUTE;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const inWords = (s: number) => (s < 120 ? `${s} seconds` : `${Math.ceil(s / 60)} minutes`);

/** When the window frees a place again: the oldest link in it leaves it after windowMs. */
function wait(db: Pick<Tx, "select">, where: ReturnType<typeof and>, max: number, windowMs: number, now: Date): number | null {
  const since = new Date(now.getTime() - windowMs);
  const within = and(where, gt(selfServiceLinks.createdAt, since));
  const row = db
    .select({ n: count(), oldest: min(selfServiceLinks.createdAt) })
    .from(selfServiceLinks)
    .where(within)
    .get();
  if (!row || row.n < max || !row.oldest) return null;
  // The place that frees first is the (n - max + 1)-th oldest; with n = max that is the oldest one.
  const freeing =
    row.n === max
      ? row.oldest
      : (db
          .select({ at: selfServiceLinks.createdAt })
          .from(selfServiceLinks)
          .where(within)
          .orderBy(asc(selfServiceLinks.createdAt))
          .limit(1)
          .offset(row.n - max)
          .get()?.at ?? row.oldest);
  return seconds(freeing.getTime() + windowMs - now.getTime());
}

/** Throws when the candidate or the actor has had too many links lately; run in the link's IMMEDIATE transaction. */
export function checkLinkLimits(tx: Pick<Tx, "select">, candidateId: number, actor: Actor, now: Date): void {
  for (const limit of LINKS_PER_CANDIDATE) {
    const retry = wait(tx, and(eq(selfServiceLinks.candidateId, candidateId)), limit.max, limit.windowMs, now);
    if (retry !== null) {
      throw new ApiError(
        "links_too_frequent",
        `This candidate was sent ${limit.max} links within ${inWords(seconds(limit.windowMs))}; the newest one still works. A new one can be sent in ${inWords(retry)}.`,
        undefined,
        retry,
      );
    }
  }
  const perUser = env().SELF_SERVICE_LINKS_PER_USER_HOUR;
  const retry = wait(tx, and(eq(selfServiceLinks.createdBy, actor.label)), perUser, USER_WINDOW_MS, now);
  if (retry !== null) {
    throw new ApiError(
      "rate_limited",
      `You have sent ${perUser} self-service links within an hour; try again in ${inWords(retry)}.`,
      undefined,
      retry,
    );
  }
}
