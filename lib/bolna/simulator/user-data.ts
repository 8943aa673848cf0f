import { DateTime } from "luxon";
import { z } from "zod";
import { slotToInstant } from "@/lib/time/slot-time";

/**
 * What the simulated agent reads from `user_data`: the prototype's keys (reference §1), plus two optional
 * machine-readable lists, because the prototype's own slots are spoken strings without a year
 * ("Wednesday, the 17th of December at 3:00 P.M.") that no extraction could turn into a date:
 *
 * - `candidate_name` (or `name`), `position`, `interview_datetime_formatted` (or `interview_datetime`): spoken.
 * - `original_slot` / `original_slot_iso`: the booked slot.
 * - `alternative_slots`: the slots the agent may offer, in order; `alternative_slots_formatted[i]` is how
 *   the agent says slot i, `alternative_slots_iso[i]` is the same slot in readable form.
 *
 * A slot is readable as `{date: "2025-12-17", time: "3:00 PM" | "15:00"}` or as a string that starts
 * "2025-12-17 15:00" / "2025-12-17T15:00". A rescheduled call picks one alternative; its readable form becomes
 * `extracted_data.final_slot` and, when it has none, `final_slot` is null (the agent could not capture a date).
 */
const text = z.string().trim().min(1).max(300).optional().catch(undefined);
const list = z.array(z.unknown()).max(20).optional().catch(undefined);

const userDataSchema = z.looseObject({
  candidate_name: text,
  name: text,
  position: text,
  interview_datetime_formatted: text,
  interview_datetime: text,
  original_slot: z.unknown().optional(),
  original_slot_iso: z.unknown().optional(),
  alternative_slots: list,
  alternative_slots_formatted: z.array(z.string()).max(20).optional().catch(undefined),
  alternative_slots_iso: list,
  purpose: z.enum(["confirmation", "reconfirmation"]).optional().catch(undefined),
  agent_language: z.string().optional().catch(undefined),
});

/** A slot as the prototype's agent extracts it. */
export type ExtractedSlot = { date: string; time: string; day_of_week: string };
type Alternative = { spoken: string; slot: ExtractedSlot | null };

export type CallContext = {
  candidateName: string;
  firstName: string;
  position: string;
  /** How the agent says the booked interview. */
  interviewSpoken: string;
  originalSlot: ExtractedSlot | null;
  alternatives: Alternative[];
  /** `reconfirmation`: the reminder call before the interview (user_data.purpose); the agent asks "still coming?". */
  purpose: "confirmation" | "reconfirmation";
  /** Bolna's per-call language (`agent_language`): the simulated candidate answers in it where it can. */
  language: "en" | "hi";
  /** `inbound`: the candidate rang the agent's number; the opening differs. */
  direction: "outbound" | "inbound";
};

const ISO_START = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)/i;

function fields(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function readSlot(value: unknown): ExtractedSlot | null {
  const iso = typeof value === "string" ? ISO_START.exec(value.trim()) : null;
  const { date, time } = iso ? { date: iso[1], time: iso[2] } : fields(value);
  // Slots carry no zone: reading and writing both in UTC keeps the wall-clock time as given.
  const at = slotToInstant(date, time, "UTC");
  if (!at) return null;
  const local = DateTime.fromJSDate(at, { zone: "UTC" }).setLocale("en-US");
  return { date: local.toFormat("yyyy-MM-dd"), time: local.toFormat("h:mm a"), day_of_week: local.toFormat("cccc") };
}

function spokenSlot(slot: ExtractedSlot): string {
  const day = DateTime.fromISO(slot.date, { zone: "UTC" }).setLocale("en-US");
  return `${day.toFormat("cccc, d LLLL")} at ${slot.time}`;
}

function spokenOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  const { date, time } = fields(value);
  return typeof date === "string" && typeof time === "string" ? `${date} at ${time}` : undefined;
}

export function readCallContext(userData: Record<string, unknown>): CallContext {
  const data = userDataSchema.parse(userData);
  const name = data.candidate_name ?? data.name;
  const originalSlot = readSlot(data.original_slot_iso) ?? readSlot(data.original_slot);
  const offered = data.alternative_slots ?? [];
  const readable = data.alternative_slots_iso ?? [];
  const alternatives: Alternative[] = [];
  for (let i = 0; i < Math.max(offered.length, readable.length); i++) {
    const slot = readSlot(readable[i]) ?? readSlot(offered[i]);
    const spoken = data.alternative_slots_formatted?.[i] ?? (slot ? spokenSlot(slot) : spokenOf(offered[i]));
    if (spoken) alternatives.push({ spoken, slot });
  }
  return {
    candidateName: name ?? "the candidate",
    firstName: name?.split(/\s+/)[0] ?? "there",
    position: data.position ?? "open",
    interviewSpoken:
      data.interview_datetime_formatted ??
      data.interview_datetime ??
      (originalSlot ? spokenSlot(originalSlot) : spokenOf(data.original_slot)) ??
      "the scheduled time",
    originalSlot,
    alternatives,
    purpose: data.purpose ?? "confirmation",
    language: data.agent_language === "hi" ? "hi" : "en",
    direction: "outbound",
  };
}
