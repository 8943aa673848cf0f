/**
 * Bolna's dispositions (reference §7) replace free-form extraction: each lands in
 * `extracted_data[category][name] = {objective, subjective, confidence, confidence_label, reasoning, …}`.
 */
export type Disposition = {
  category: string;
  name: string;
  objective: string | null;
  /** Bolna's own confidence, 0–1 (a percentage is scaled down), or null when it gave none. */
  confidence: number | null;
  confidenceLabel: string | null;
  reasoning: string | null;
};

// An extraction is stored from a 1 MiB body at most; these bounds keep a hostile one from costing more than a glance.
const MAX_CATEGORIES = 50;
const MAX_PER_CATEGORY = 50;
const MAX_TEXT = 500;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, MAX_TEXT) : null;

function confidenceOf(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number < 0 || number > 100) return null;
  return number > 1 ? number / 100 : number;
}

/** Every disposition-shaped entry of an extraction, in the order Bolna wrote them. */
export function dispositions(data: Record<string, unknown>): Disposition[] {
  const found: Disposition[] = [];
  for (const [category, entries] of Object.entries(data).slice(0, MAX_CATEGORIES)) {
    const group = record(entries);
    if (!group) continue;
    for (const [name, value] of Object.entries(group).slice(0, MAX_PER_CATEGORY)) {
      const entry = record(value);
      if (!entry || !("objective" in entry || "subjective" in entry)) continue;
      found.push({
        category: category.slice(0, MAX_TEXT),
        name: name.slice(0, MAX_TEXT),
        objective: text(entry.objective),
        confidence: confidenceOf(entry.confidence),
        confidenceLabel: text(entry.confidence_label)?.toLowerCase() ?? null,
        reasoning: text(entry.reasoning),
      });
    }
  }
  return found;
}
