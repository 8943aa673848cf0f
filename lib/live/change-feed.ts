import { asc, desc, gt, lt } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { changes } from "@/db/schema";

export type ChangeBatch = { lastId: number; kinds: string[]; candidateIds: number[] };
type Listener = (batch: ChangeBatch) => void;

const POLL_MS = 100;
const MAX_ROWS = 1000;
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The id of the newest change: anything that reads the data can tell from it whether it changed. */
export function latestChangeId(db: Db): number {
  return db.select({ id: changes.id }).from(changes).orderBy(desc(changes.id)).limit(1).get()?.id ?? 0;
}

function summarize(rows: { id: number; kind: string; candidateId: number | null }[]): ChangeBatch | null {
  const last = rows.at(-1);
  if (!last) return null;
  return {
    lastId: last.id,
    kinds: [...new Set(rows.map((row) => row.kind))],
    candidateIds: [...new Set(rows.map((row) => row.candidateId).filter((id): id is number => id !== null))],
  };
}

function changesAfter(id: number) {
  return getDb()
    .select({ id: changes.id, kind: changes.kind, candidateId: changes.candidateId })
    .from(changes)
    .where(gt(changes.id, id))
    .orderBy(asc(changes.id))
    .limit(MAX_ROWS)
    .all();
}

/**
 * One poller per process reads the `changes` table (written by triggers, so commits from any process count)
 * and fans new rows out to every open stream. It runs only while someone listens.
 */
class ChangeFeed {
  private listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private lastId = 0;

  latestId(): number {
    return latestChangeId(getDb());
  }

  /** What happened after `id`, for a client that reconnects with Last-Event-ID. */
  since(id: number): ChangeBatch | null {
    return summarize(changesAfter(id));
  }

  subscribe(listener: Listener): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  private start() {
    this.lastId = this.latestId();
    getDb()
      .delete(changes)
      .where(lt(changes.at, new Date(Date.now() - KEEP_MS)))
      .run();
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this.timer.unref();
  }

  private stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private poll() {
    let batch: ChangeBatch | null;
    try {
      batch = summarize(changesAfter(this.lastId));
    } catch {
      return; // the database is busy or unavailable; the next tick tries again
    }
    if (!batch) return;
    this.lastId = batch.lastId;
    for (const listener of this.listeners) listener(batch);
  }
}

const globalForFeed = globalThis as unknown as { callboardChangeFeed?: ChangeFeed };

export function changeFeed(): ChangeFeed {
  globalForFeed.callboardChangeFeed ??= new ChangeFeed();
  return globalForFeed.callboardChangeFeed;
}
