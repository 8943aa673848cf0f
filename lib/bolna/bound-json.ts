/** How much of a JSON value to keep: nesting, entries per object or array, and characters. */
export type JsonBounds = {
  /** Objects and arrays nested deeper than this become null. */
  depth: number;
  keysPerObject: number;
  itemsPerArray: number;
  /** Characters of one string (keys included). */
  stringChars: number;
  /** Values kept in all; past it, objects and arrays stop growing. */
  nodes: number;
  /** Characters of all strings together; past it, strings are cut to what is left. */
  totalChars: number;
};

/**
 * What a webhook's `extracted_data` may store: a 1 MiB body could otherwise carry 60,000 keys, and every page
 * that shows it would have to render them. Real extractions hold a handful of short fields.
 */
export const STORED_EXTRACTION: JsonBounds = {
  depth: 32,
  keysPerObject: 200,
  itemsPerArray: 200,
  stringChars: 10_000,
  nodes: 5_000,
  totalChars: 100_000,
};

/**
 * A copy of `value` within `bounds`, and whether anything was left out. Entries keep their order; the first
 * ones are kept. Never throws and never recurses past `bounds.depth`, whatever it is given.
 */
export function boundJson(value: unknown, bounds: JsonBounds): { value: unknown; cut: boolean } {
  let nodes = 0;
  let chars = 0;
  let cut = false;
  const text = (value: string) => {
    const room = Math.max(0, Math.min(bounds.stringChars, bounds.totalChars - chars));
    if (value.length <= room) {
      chars += value.length;
      return value;
    }
    cut = true;
    chars += room;
    // Never half of a surrogate pair.
    return value.slice(0, room).replace(/[\uD800-\uDBFF]$/, "");
  };
  const visit = (node: unknown, depth: number): unknown => {
    nodes += 1;
    if (typeof node === "string") return text(node);
    if (typeof node !== "object" || node === null) return node;
    if (depth >= bounds.depth) {
      cut = true;
      return null;
    }
    const isArray = Array.isArray(node);
    const limit = isArray ? bounds.itemsPerArray : bounds.keysPerObject;
    const entries: [string, unknown][] = [];
    // for…in stops early: an object with 60,000 keys costs no more than one with `limit`.
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      if (entries.length >= limit || nodes >= bounds.nodes) {
        cut = true;
        break;
      }
      entries.push([isArray ? key : text(key), visit((node as Record<string, unknown>)[key], depth + 1)]);
    }
    // fromEntries defines own properties: a "__proto__" key stays a key and never becomes a prototype.
    return isArray ? entries.map(([, item]) => item) : Object.fromEntries(entries);
  };
  return { value: visit(value, 0), cut };
}
