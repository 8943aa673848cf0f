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

function changesAfter(db: Db, id: number) {
  return db
    .select({ id: changes.id, kind: changes.kind, candidateId: changes.candidateId })
    .from(changes)
    .where(gt(changes.id, id))
    .orderBy(asc(changes.id))
    .limit(MAX_ROWS)
    .all();
}

/**
 * One poller per module instance reads the `changes` table (written by triggers, so commits from any process or
 * module instance count) and fans new rows out to every open stream; it runs only while someone listens. A
 * writer in the same instance (the webhook) calls `publish()` after its commit, so its streams hear of the change
 * at once instead of at the next poll.
 */
export class ChangeFeed {
  private listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private lastId = 0;
  private publishing = false;

  constructor(private readonly db: () => Db) {}

  latestId(): number {
    return latestChangeId(this.db());
  }

  /** What happened after `id`, for a client that reconnects with Last-Event-ID. */
  since(id: number): ChangeBatch | null {
    return summarize(changesAfter(this.db(), id));
  }

  subscribe(listener: Listener): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get listening(): number {
    return this.listeners.size;
  }

  /** A commit of this instance just landed: poll now (once per turn, however many commits ask). */
  publish(): void {
    if (this.listeners.size === 0 || this.publishing) return;
    this.publishing = true;
    queueMicrotask(() => {
      this.publishing = false;
      this.poll();
    });
  }

  private start() {
    this.lastId = this.latestId();
    this.db()
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
      batch = summarize(changesAfter(this.db(), this.lastId));
    } catch {
      return; // the database is busy or unavailable; the next tick tries again
    }
    if (!batch) return;
    this.lastId = batch.lastId;
    for (const listener of this.listeners) listener(batch);
  }
}

// A development-reload singleton (as db/client.ts): in production each module instance has its own feed.
const devGlobal = globalThis as unknown as { callboardChangeFeed?: ChangeFeed };
let feed: ChangeFeed | undefined;

export function changeFeed(): ChangeFeed {
  if (process.env.NODE_ENV !== "development") return (feed ??= new ChangeFeed(getDb));
  return (devGlobal.callboardChangeFeed ??= new ChangeFeed(getDb));
}
