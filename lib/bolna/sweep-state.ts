import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bolnaSweep } from "@/db/schema";

type SweepState = typeof bolnaSweep.$inferSelect;

const ROW = 1;

/** The sweep's persisted state; the first sweep of a database starts `firstLookBackMs` back. */
export function loadSweepState(db: Db, now: Date, firstLookBackMs: number): SweepState {
  const existing = db.select().from(bolnaSweep).where(eq(bolnaSweep.id, ROW)).get();
  if (existing) return existing;
  return (
    db
      .insert(bolnaSweep)
      .values({ id: ROW, watermark: new Date(now.getTime() - firstLookBackMs) })
      .onConflictDoNothing()
      .returning()
      .get() ?? db.select().from(bolnaSweep).where(eq(bolnaSweep.id, ROW)).get()!
  );
}

export function saveSweepState(db: Db, state: Partial<Omit<SweepState, "id">>): void {
  db.update(bolnaSweep).set(state).where(eq(bolnaSweep.id, ROW)).run();
}
