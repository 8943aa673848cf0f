/**
 * A background write that runs in many transactions (an import, the analytics fold, the retention purge) pauses
 * between them for as long as the last one held the write lock, and at least MIN_PAUSE_MS. SQLite has no queue
 * for its write lock: a writer that finds it taken sleeps and tries again (1, 2, 5 … 100 ms), and on the server's
 * thread that sleep blocks the event loop. A loop that took the lock back at once (on the next turn of its event
 * loop) kept the server's writes waiting up to a second each, seconds in all; holding it half the time at most,
 * it keeps them waiting for about one of its transactions.
 */
const MIN_PAUSE_MS = 20;

/** The pause after a transaction that held the write lock `heldMs`. */
export function writePauseMs(heldMs: number): number {
  return Math.max(MIN_PAUSE_MS, heldMs);
}

/** Waits out the pause after a transaction that began at `startedAt` (performance.now()) and has just ended. */
export function pauseAfterWrite(startedAt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, writePauseMs(performance.now() - startedAt)));
}
