/**
 * Where demo mode's built-in Bolna simulator listens. `npm start` starts it (lib/bolna/demo-mode.ts, from
 * scripts/start.ts's module graph); route handlers and server actions are bundled by Next into another module
 * graph of the same process, so the address is handed over on globalThis, not in a module variable. It is not
 * written to process.env either: env() may already have been parsed by then, and the generated key is nobody
 * else's business.
 */
export type DemoBolna = { url: string; apiKey: string; agentId: string };

const KEY = Symbol.for("callboard.demoBolna");
type Holder = { [KEY]?: Promise<DemoBolna> };

/** The simulator's address, waiting for it while it starts; undefined when none was started in this process. */
export function demoBolna(): Promise<DemoBolna> | undefined {
  return (globalThis as Holder)[KEY];
}

export function setDemoBolna(value: Promise<DemoBolna> | undefined): void {
  (globalThis as Holder)[KEY] = value;
}
