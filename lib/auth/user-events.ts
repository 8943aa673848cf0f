import { count, desc } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { userEvents, type UserEvent, type UserEventKind } from "@/db/schema";

type UserEventInput = {
  kind: UserEventKind;
  /** Who did it: the acting user's email (their own for a password change), or `api-token`. */
  actor: string;
  target: { id: string; email: string };
  detail?: string | null;
};

/** One entry of the user-management audit trail, written in the caller's transaction when it has one. */
export function recordUserEvent(db: Db | Tx, event: UserEventInput, at = new Date()): void {
  db.insert(userEvents)
    .values({
      at,
      kind: event.kind,
      actor: event.actor,
      targetUserId: event.target.id,
      targetEmail: event.target.email,
      detail: event.detail ?? null,
    })
    .run();
}

export const userEventsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).catch(50),
});

/** The user-management audit trail, newest first. */
export function listUserEvents(db: Db, query: z.infer<typeof userEventsQuery>): { events: UserEvent[]; total: number } {
  const events = db
    .select()
    .from(userEvents)
    .orderBy(desc(userEvents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const total = db.select({ n: count() }).from(userEvents).get()?.n ?? 0;
  return { events, total };
}
