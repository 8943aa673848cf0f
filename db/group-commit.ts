import fs from "node:fs";
import type { Db } from "./client";

type Job = { work: (db: Db) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
type Committed = { job: Job; outcome: Outcome };

export type GroupCommitOptions = {
  /**
   * The database's WAL file. When given, the connection commits with synchronous=NORMAL (COMMIT writes the WAL
   * but does not wait for the disk) and the WAL is then synced with fdatasync on libuv's thread pool before any
   * job of the batch settles: as durable as FULL, without the event loop waiting for the disk.
   */
  walFile?: string;
  /** Replaces the WAL's fdatasync (tests watch the order with it). */
  syncWal?: () => Promise<void>;
  /**
   * The most jobs one transaction takes; the rest wait for the next, a turn later. A job that must not wait
   * behind a long line (`run(work, { urgent: true })`) waits for one batch at most, not for all of them.
   */
  maxBatch?: number;
  /** Runs before each batch takes the write lock (the writer thread gives way to the event loop's writes there). */
  beforeBatch?: () => void;
};

/** fdatasync of the WAL file, off the event loop; the descriptor stays open for the process's life. */
function walSyncer(walFile: string): () => Promise<void> {
  let fd: number | undefined;
  return () =>
    new Promise<void>((resolve, reject) => {
      try {
        fd ??= fs.openSync(walFile, "r");
      } catch (error) {
        return reject(error as Error);
      }
      fs.fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    });
}

/**
 * Group commit: write jobs that arrive in the same turn of the event loop run in ONE immediate transaction, so
 * fifty concurrent webhook deliveries cost one WAL sync instead of fifty. Each job runs in its own savepoint: a
 * job that throws rolls back alone and rejects, the others still commit. Every promise settles only after COMMIT
 * returned and, with `walFile`, after the WAL reached the disk (batches that commit while a sync runs share the
 * next one), so a caller that answers 2xx on resolve has its write on disk; if COMMIT or the sync fails, every
 * job of the batch rejects.
 *
 * Each job gets the connection the transaction is open on, and must be synchronous, like any better-sqlite3
 * transaction.
 */
export class GroupCommit {
  private queue: Job[] = [];
  /** Jobs that go ahead of the queue, in their own order. */
  private urgent: Job[] = [];
  private scheduled = false;
  private runBatch: ((jobs: Job[]) => Outcome[]) | undefined;
  private readonly syncWal: (() => Promise<void>) | undefined;
  private readonly maxBatch: number;
  /** Committed, waiting for the next WAL sync. */
  private unsynced: Committed[] = [];
  private syncing = false;
  /** The next batch's timer while a sync runs; a sync that ends sooner starts the batch at once. */
  private timer: NodeJS.Timeout | undefined;
  private readonly beforeBatch: () => void;

  constructor(
    private readonly db: () => Db,
    options: GroupCommitOptions = {},
  ) {
    this.syncWal = options.syncWal ?? (options.walFile ? walSyncer(options.walFile) : undefined);
    this.maxBatch = options.maxBatch ?? Infinity;
    this.beforeBatch = options.beforeBatch ?? (() => {});
  }

  /** Queues `work` for the next batch; an `urgent` job goes ahead of every job not yet in a batch. */
  run<T>(work: (db: Db) => T, options: { urgent?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job = { work, resolve: resolve as (value: unknown) => void, reject };
      (options.urgent ? this.urgent : this.queue).push(job);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after this turn's I/O callbacks: every body that finished arriving joins the batch. While
    // a sync runs, the next batch waits for a timer instead (a millisecond): the event loop waits for I/O until
    // then, so a quick disk's sync settles its batch before the next one starts. With setImmediate, every batch's
    // answers waited for the whole next batch (on a thread that is busy in a batch, the sync's callback cannot
    // run); a slow disk's sync still goes on under the next batches.
    if (this.syncing) this.timer = setTimeout(() => this.flush(), 1);
    else setImmediate(() => this.flush());
  }

  // better-sqlite3's own transaction functions: a nested call is a savepoint, and their statements are cached.
  private compile() {
    const db = this.db();
    const client = db.$client;
    if (this.syncWal) client.pragma("synchronous = NORMAL");
    const savepoint = client.transaction((job: Job) => job.work(db));
    const batch = client.transaction((jobs: Job[]) =>
      jobs.map((job): Outcome => {
        try {
          return { ok: true, value: savepoint(job) };
        } catch (error) {
          // Some errors (a full disk, an I/O error) make SQLite roll the whole transaction back: later jobs
          // would then autocommit one by one outside it. Stop, and fail the batch.
          if (!client.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
    return (jobs: Job[]) => batch.immediate(jobs);
  }

  private flush(): void {
    this.scheduled = false;
    this.timer = undefined;
    const jobs = this.urgent.splice(0, this.maxBatch);
    jobs.push(...this.queue.splice(0, this.maxBatch - jobs.length));
    this.commit(jobs);
    // Scheduled after the batch's sync began, so that the next batch waits for it as schedule() says.
    if (this.urgent.length + this.queue.length > 0) this.schedule();
  }

  private commit(jobs: Job[]): void {
    let outcomes: Outcome[];
    try {
      this.runBatch ??= this.compile();
      this.beforeBatch();
      outcomes = this.runBatch(jobs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    const committed = jobs.map((job, i) => ({ job, outcome: outcomes[i]! }));
    if (!this.syncWal) return settle(committed);
    this.unsynced.push(...committed);
    this.sync();
  }

  /** One sync at a time; whatever committed before it started settles when it ends. */
  private sync(): void {
    if (this.syncing || this.unsynced.length === 0) return;
    this.syncing = true;
    const batch = this.unsynced;
    this.unsynced = [];
    this.syncWal!()
      .then(
        () => settle(batch),
        (error: unknown) => {
          for (const { job } of batch) job.reject(error);
        },
      )
      .finally(() => {
        this.syncing = false;
        this.sync();
        // The batch that waited for this sync need not wait for its timer too.
        if (this.timer && !this.syncing) {
          clearTimeout(this.timer);
          this.timer = undefined;
          setImmediate(() => this.flush());
        }
      });
  }
}

function settle(committed: Committed[]): void {
  for (const { job, outcome } of committed) {
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  }
}
