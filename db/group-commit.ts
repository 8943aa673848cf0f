import type { Db } from "./client";

type Job = { work: (db: Db) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export type GroupCommitOptions = {
  /**
   * The most jobs one transaction takes; the rest wait for the next, a turn later. A job that must not wait
   * behind a long line (`run(work, { urgent: true })`) waits for one batch at most, not for all of them.
   */
  maxBatch?: number;
  /** Runs before each batch takes the write lock (the writer thread gives way to the event loop's writes there). */
  beforeBatch?: () => void;
};

/**
 * Group commit: write jobs that arrive in the same turn of the event loop run in ONE immediate transaction, so
 * fifty concurrent webhook deliveries cost one WAL sync instead of fifty. Each job runs in its own savepoint: a
 * job that throws rolls back alone and rejects, the others still commit. Every promise settles only after COMMIT
 * returned, which at synchronous=FULL is after the WAL reached the disk: a caller that answers 2xx on resolve has
 * its write on disk. If COMMIT fails, every job of the batch rejects.
 *
 * Each job gets the connection the transaction is open on, and must be synchronous, like any better-sqlite3
 * transaction. COMMIT waits for the disk on the thread that runs it: the webhook's writer thread
 * (lib/webhook/writer-thread.ts), never the event loop that answers requests. Synced afterwards on libuv's pool
 * instead, each batch's answers waited for the whole next batch: the sync's callback could only run once the
 * thread was free again.
 */
export class GroupCommit {
  private queue: Job[] = [];
  /** Jobs that go ahead of the queue, in their own order. */
  private urgent: Job[] = [];
  private scheduled = false;
  private runBatch: ((jobs: Job[]) => Outcome[]) | undefined;
  private readonly maxBatch: number;
  private readonly beforeBatch: () => void;

  constructor(
    private readonly db: () => Db,
    options: GroupCommitOptions = {},
  ) {
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
    // setImmediate runs after this turn's I/O callbacks: every body that finished arriving joins the batch.
    setImmediate(() => this.flush());
  }

  // better-sqlite3's own transaction functions: a nested call is a savepoint, and their statements are cached.
  private compile() {
    const db = this.db();
    const client = db.$client;
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
    const jobs = this.urgent.splice(0, this.maxBatch);
    jobs.push(...this.queue.splice(0, this.maxBatch - jobs.length));
    if (this.urgent.length + this.queue.length > 0) this.schedule();
    let outcomes: Outcome[];
    try {
      this.runBatch ??= this.compile();
      this.beforeBatch();
      outcomes = this.runBatch(jobs);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
