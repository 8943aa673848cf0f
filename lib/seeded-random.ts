/**
 * A small seeded generator (mulberry32): one seed replays the same choices, so a simulated call's duplicates and
 * reorderings, or a benchmark's data set, come out the same on every run.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  chance: (probability: number) => boolean;
  /** An integer in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  /** A hex string of `length` characters. */
  hex: (length: number) => string;
  /** A version-4-shaped UUID. */
  uuid: () => string;
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  // Eight hex digits per draw: the benchmark makes millions of these.
  const hex = (length: number) => {
    const parts: string[] = [];
    for (let size = 0; size < length; size += 8)
      parts.push((Math.floor(next() * 0x100000000) >>> 0).toString(16).padStart(8, "0"));
    return parts.join("").slice(0, length);
  };
  return {
    next,
    chance: (probability) => next() < probability,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    hex,
    uuid: () => {
      const h = hex(32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[int(0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  };
}
