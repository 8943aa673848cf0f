import { DateTime } from "luxon";
import { spokenDate, spokenDateTime, spokenTime } from "@/lib/time/spoken-time";

/** A pool slot with how many candidates hold it (declined candidates do not). */
export type SlotAvailability = { id: number; startsAt: Date; capacity: number; booked: number };

type CallSubject = { name: string; position: string | null; interviewAt: Date };

export type UserDataInput = {
  candidate: CallSubject;
  /** The slots a recruiter allowed this candidate to move to. */
  allowedSlots: SlotAvailability[];
  /** The whole pool, for candidates without allowed slots. */
  poolSlots: SlotAvailability[];
  /** The candidate's IANA zone (lib/time/zone-for-phone.ts candidateZone): every date and time is written and spoken in it. */
  zone: string;
  now: Date;
};

/** A slot as the prototype's agent reads and extracts it: `{date: "2025-12-17", time: "3:00 PM", day_of_week}`. */
type AgentSlot = { date: string; time: string; day_of_week: string };

const FALLBACK_ALTERNATIVES = 3;

function freeSlots(slots: SlotAvailability[], exclude: Date): SlotAvailability[] {
  return slots
    .filter((slot) => slot.booked < slot.capacity && slot.startsAt.getTime() !== exclude.getTime())
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Only slots that have not begun: a time in the past is never offered. */
const future = (slots: SlotAvailability[], now: Date) => slots.filter((slot) => slot.startsAt.getTime() > now.getTime());

/**
 * The times the agent may offer instead of the booked one: the candidate's future allowed slots that still have
 * room; when none has, the first three free future slots of the pool. The booked time itself is never offered.
 */
export function chooseAlternatives(input: Pick<UserDataInput, "candidate" | "allowedSlots" | "poolSlots" | "now">): Date[] {
  const { candidate, now } = input;
  const allowed = future(freeSlots(input.allowedSlots, candidate.interviewAt), now);
  if (allowed.length > 0) return allowed.map((slot) => slot.startsAt);
  return future(freeSlots(input.poolSlots, candidate.interviewAt), now)
    .slice(0, FALLBACK_ALTERNATIVES)
    .map((slot) => slot.startsAt);
}

function agentSlot(at: DateTime): AgentSlot {
  const english = at.setLocale("en-US");
  return { date: english.toFormat("yyyy-MM-dd"), time: english.toFormat("h:mm a"), day_of_week: english.toFormat("cccc") };
}

/**
 * The `user_data` of POST /call: every key the prototype's agent prompt reads (reference §1), written in the
 * candidate's time zone, plus `alternative_slots_iso` (the simulator's machine-readable list, lib/bolna/simulator/
 * user-data.ts) and the zone's name (`timezone`; `interview_timezone` for agents written against it).
 */
export function buildUserData(input: UserDataInput): Record<string, unknown> {
  const { candidate, zone } = input;
  const currentYear = DateTime.fromJSDate(input.now, { zone }).year;
  const interview = DateTime.fromJSDate(candidate.interviewAt, { zone }).setLocale("en-US");
  const original = agentSlot(interview);
  const alternatives = chooseAlternatives(input).map((at) => DateTime.fromJSDate(at, { zone }).setLocale("en-US"));
  const alternativeSlots = alternatives.map(agentSlot);
  return {
    candidate_name: candidate.name,
    name: candidate.name,
    position: candidate.position ?? "the open position",
    interview_date: interview.toFormat("cccc, d LLLL yyyy"),
    interview_date_formatted: spokenDate(interview, currentYear),
    interview_time: original.time,
    interview_time_formatted: spokenTime(interview),
    interview_datetime: interview.toISO({ suppressMilliseconds: true }),
    interview_datetime_formatted: spokenDateTime(interview, currentYear),
    date: original.date,
    time: original.time,
    time_original: interview.toFormat("HH:mm"),
    original_slot: original,
    original_slot_iso: { date: original.date, time: original.time },
    alternative_slots: alternativeSlots,
    alternative_slots_formatted: alternatives.map((at) => spokenDateTime(at, currentYear)),
    alternative_slots_iso: alternativeSlots.map(({ date, time }) => ({ date, time })),
    // Bolna echoes user_data in every execution's recipient_data: the zone read back there is the one the agent
    // spoke, so the slot a candidate chooses is read in it (lib/bolna/parse-execution.ts).
    timezone: zone,
    interview_timezone: zone,
  };
}
