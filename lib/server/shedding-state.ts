/** What npm start's load shedder is doing, for readiness (lib/server/readiness.ts). */
export type SheddingState = {
  connections: number;
  inFlight: number;
  webhookInFlight: number;
  /** Requests it refused (503 or 429) within the last RECENT_MS, and why the latest was refused. */
  refusedRecently: number;
  lastReason: string | null;
};

const KEY = Symbol.for("callboard.sheddingState");
type Holder = Record<symbol, (() => SheddingState) | undefined>;

/**
 * The shedder lives in scripts/start.ts's module graph and readiness in a route handler's, so the two meet on
 * globalThis (one process). Under `next start` there is no shedder: `sheddingState()` is null.
 */
export function publishSheddingState(read: () => SheddingState): void {
  (globalThis as unknown as Holder)[KEY] = read;
}

export function sheddingState(): SheddingState | null {
  return (globalThis as unknown as Holder)[KEY]?.() ?? null;
}
