/** Bolna's execution statuses, in the order a call moves through them (reference §3). */
export const BOLNA_STATUSES = [
  "scheduled",
  "queued",
  "rescheduled",
  "initiated",
  "ringing",
  "in-progress",
  "call-disconnected",
  "completed",
  "balance-low",
  "busy",
  "no-answer",
  "canceled",
  "failed",
  "stopped",
  "error",
] as const;
export type BolnaStatus = (typeof BOLNA_STATUSES)[number];

export const TERMINAL_STATUSES = [
  "completed",
  "no-answer",
  "busy",
  "failed",
  "canceled",
  "stopped",
  "error",
  "balance-low",
] as const satisfies readonly BolnaStatus[];

const terminal = new Set<string>(TERMINAL_STATUSES);

export function isTerminalStatus(status: string | null | undefined): boolean {
  return status != null && terminal.has(status);
}

const progressRank: Record<string, number> = {
  scheduled: 1,
  queued: 1,
  rescheduled: 1,
  initiated: 2,
  ringing: 3,
  "in-progress": 4,
  "call-disconnected": 5,
};

/**
 * How far along a call a status is. Unknown statuses rank lowest so that a status Bolna adds later can never
 * push a call backwards; every terminal status ranks highest so nothing non-terminal can follow it.
 */
export function statusRank(status: string | null | undefined): number {
  if (status == null) return 0;
  if (terminal.has(status)) return 9;
  return progressRank[status] ?? 0;
}
