import type { IncomingMessage } from "node:http";

/** How many requests of one address may wait for a place, and for how long, before they are refused. */
const MAX_WAITING = 64;
const MAX_WAIT_MS = 10_000;

type Waiter = { grant: (turn: Turn) => void };
type Entry = { inFlight: number; waiting: Waiter[] };
export type Turn = "admitted" | "refused" | "gone";

/**
 * Places for requests being answered, per client address: at most `perAddress` at once; a burst past that waits
 * in line (first come, first served) for a place that frees, briefly, and is refused past the line's length or
 * its wait — so one address never takes more than its share of the server, and a burst from a busy office still
 * gets through. Entries go as soon as an address has nothing in flight or waiting: the table holds only the
 * addresses being answered right now.
 */
export function createAddressBudget(perAddress: number) {
  const entries = new Map<string, Entry>();

  const settle = (key: string, entry: Entry) => {
    if (entry.inFlight === 0 && entry.waiting.length === 0) entries.delete(key);
  };

  return {
    acquire(key: string, req: IncomingMessage): Promise<Turn> {
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = { inFlight: 0, waiting: [] }));
      if (entry.inFlight < perAddress) {
        entry.inFlight += 1;
        return Promise.resolve("admitted");
      }
      if (entry.waiting.length >= MAX_WAITING) return Promise.resolve("refused");
      const queued = entry;
      return new Promise<Turn>((resolve) => {
        const waiter: Waiter = {
          grant: (turn) => {
            clearTimeout(timer);
            req.off("close", onGone);
            resolve(turn);
          },
        };
        const leave = (turn: Turn) => {
          const index = queued.waiting.indexOf(waiter);
          if (index >= 0) queued.waiting.splice(index, 1);
          settle(key, queued);
          waiter.grant(turn);
        };
        const onGone = () => leave("gone");
        const timer = setTimeout(() => leave("refused"), MAX_WAIT_MS);
        req.once("close", onGone);
        queued.waiting.push(waiter);
      });
    },
    /** A request of `key` is answered: its place goes to the next in line, if any. */
    release(key: string): void {
      const entry = entries.get(key);
      if (!entry) return;
      const next = entry.waiting.shift();
      if (next) return next.grant("admitted");
      entry.inFlight -= 1;
      settle(key, entry);
    },
    size: () => entries.size,
  };
}
