// Titles people put before a name; greeting "Hello Dr," or "Hello Mr." is worse than no name at all.
const TITLES = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "shri", "sri", "smt", "kumari", "km"]);

/**
 * The name to greet a candidate by: "Kavya" for "Kavya Nair", "Dr. Kavya Nair" and "Nair, Kavya" (the surname
 * first, as spreadsheets and forms often write it). A name of one word is that word.
 */
export function givenName(name: string): string {
  const comma = name.indexOf(",");
  const ordered = comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  const words = ordered.trim().split(/\s+/).filter(Boolean);
  const first = words.find((word) => !TITLES.has(word.replace(/\.$/, "").toLowerCase()));
  return first ?? words[0] ?? name.trim();
}
