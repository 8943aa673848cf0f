import { parseBolnaTime } from "@/lib/time/bolna-time";

/** A call Bolna's transfer tool handed to a person: when, and to which number (either may be unknown). */
export type Transfer = { at: Date | null; to: string | null };

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, 64) : typeof value === "number" ? String(value) : null;

const first = (data: Record<string, unknown>, keys: string[]) => keys.map((key) => data[key]).find((value) => value != null);

/**
 * Reads `transfer_call_data` (reference §8). Bolna documents the field but not its keys, so the names its
 * transfer tool and providers use are all tried; anything that is not an object, or an empty one, is no transfer.
 * A transfer with no time of its own is dated by the caller (the delivery's updated_at).
 */
export function readTransfer(value: unknown): Transfer | null {
  const data = record(value);
  if (!data || Object.keys(data).length === 0) return null;
  const to = text(first(data, ["transfer_to", "transferred_to", "to_number", "phone_number", "transfer_number", "number"]));
  const at = parseBolnaTime(first(data, ["transferred_at", "transfer_time", "timestamp", "created_at", "at", "updated_at"]));
  return { at: at?.date ?? null, to };
}
