import type { Db } from "./client";

type Job = { work: (db: Db) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: write jobs that arrive in the same turn of the event loop run in ONE immediate transaction, so
 * fifty concurrent webhook deliveries cost one WAL fsync instead of fifty (with `synchronous=FULL` the fsync
 * was most of a delivery's cost). Each job runs in its own savepoint: a job that throws rolls back alone and
 * rejects, the others still commit. Every promise settles only after COMMIT returned, so a caller that
 * answers 2xx on resolve has its write on disk; if COMMIT fails, every job of the batch rejects.
 *
 * Each job gets the connection the transaction is open on, and must be synchronous, like any better-sqlite3
 * transaction.
 */
export class GroupCommit {
  private queue: Job[] = [];
  private scheduled = false;
  private runBatch: ((jobs: Job[]) => Outcome[]) | undefined;

  constructor(private readonly db: () => Db) {}

  run<T>(work: (db: Db) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after this turn's I/O callbacks: every body that finished arriving joins the batch.
        setImmediate(() => this.flush());
      }
    });
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
    const jobs = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      this.runBatch ??= this.compile();
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
