/** Bolna's timestamp form: UTC with microseconds and no zone, e.g. `2025-12-10T09:30:12.481223`. */
export function formatBolnaTime(epochMicros: number): string {
  const millis = Math.floor(epochMicros / 1000);
  const micros = String(epochMicros % 1_000_000).padStart(6, "0");
  return `${new Date(millis).toISOString().slice(0, 19)}.${micros}`;
}

/**
 * The current time in Bolna's form, strictly increasing: a fast simulation changes a call's state several times
 * within one millisecond, and the webhook pipeline orders a call's events by `updated_at`.
 */
export function createBolnaClock(): () => string {
  let last = 0;
  return () => {
    const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    last = Math.max(last + 1, now);
    return formatBolnaTime(last);
  };
}
