const ISO_LIKE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export type BolnaInstant = {
  date: Date;
  /** Microseconds since the epoch: Bolna's timestamps carry six decimals and events seconds apart must order. */
  micros: number;
};

/** Minutes east of UTC, or null for an offset no place on Earth uses. */
function offsetMinutes(zone: string | undefined): number | null {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || "0");
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Reads Bolna's timestamps; a time without a zone (`2025-08-14T14:05:13.684865`) is UTC, as Bolna means it. */
export function parseBolnaTime(value: unknown): BolnaInstant | null {
  if (typeof value !== "string" || value.length > 40) return null;
  const match = ISO_LIKE.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", fraction = "", zone] = match;
  const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = fields;
  const utcMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utcMs);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  const offset = offsetMinutes(zone);
  if (offset === null) return null;
  const micro = Number(fraction.padEnd(6, "0").slice(0, 6));
  const shiftedMs = utcMs - offset * 60_000;
  if (!Number.isFinite(shiftedMs) || Math.abs(shiftedMs) > 8.64e15) return null;
  return { date: new Date(shiftedMs + Math.floor(micro / 1000)), micros: shiftedMs * 1000 + micro };
}
