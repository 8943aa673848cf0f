import { isMainThread } from "node:worker_threads";

/**
 * SQLite has no queue for its write lock: a connection that finds it taken sleeps and tries again (1, 2, 5 … 100
 * ms). Under load the webhook's writer thread begins its batches back to back, and a write on the event loop (a
 * recruiter's click, a job, the health probe) found the lock taken at each try: it waited up to a second, and the
 * whole event loop with it. So the event loop's write transactions say that they want the lock, and the writer
 * thread begins no batch while one of them waits or runs: they wait for the batch in progress, at most.
 */
const GIVE_WAY_MAX_MS = 100;

// One per process: Next gives every route module its own copy of db/client.ts; the writer thread gets it at start.
const processWide = globalThis as unknown as { callboardEventLoopWriters?: Int32Array };

/** How many write transactions on the event loop wait for the lock or hold it (shared with the writer thread). */
export function eventLoopWriters(): Int32Array {
  return (processWide.callboardEventLoopWriters ??= new Int32Array(new SharedArrayBuffer(4)));
}

/** Runs `transaction`, counted among the event loop's writers while it waits for the lock and runs. */
export function asEventLoopWriter<T>(transaction: () => T): T {
  if (!isMainThread) return transaction();
  const writers = eventLoopWriters();
  Atomics.add(writers, 0, 1);
  try {
    return transaction();
  } finally {
    Atomics.sub(writers, 0, 1);
    Atomics.notify(writers, 0);
  }
}

/**
 * On the writer thread, before it takes the lock: waits while a write on the event loop wants it, for
 * GIVE_WAY_MAX_MS at most (the longest sleep of SQLite's busy wait) so that a long one does not hold it back.
 */
export function giveWayToEventLoop(writers: Int32Array, maxMs = GIVE_WAY_MAX_MS): void {
  const deadline = performance.now() + maxMs;
  for (let waiting = Atomics.load(writers, 0); waiting > 0; waiting = Atomics.load(writers, 0)) {
    const left = deadline - performance.now();
    if (left <= 0) return;
    Atomics.wait(writers, 0, waiting, left);
  }
}
