import { describe, expect, it } from "vitest";
import { readCallContext } from "@/lib/bolna/simulator/user-data";
import { slotToInstant } from "@/lib/time/slot-time";
import { buildUserData, chooseAlternatives, type SlotAvailability } from "./build-user-data";

const ZONE = "Asia/Kolkata";
const NOW = new Date("2025-12-01T00:00:00Z");
let nextId = 1;
const slot = (iso: string, capacity = 1, booked = 0): SlotAvailability => ({
  id: nextId++,
  startsAt: new Date(iso),
  capacity,
  booked,
});

const interviewAt = new Date("2025-12-12T05:30:00Z"); // 11:00 in Kolkata
const candidate = { name: "Asha Verma", position: "Software Engineer", interviewAt };

describe("chooseAlternatives", () => {
  it("offers the allowed slots that still have room, in time order, never the booked time", () => {
    const allowed = [
      slot("2025-12-17T09:30:00Z", 2, 1),
      slot("2025-12-15T08:30:00Z"),
      slot("2025-12-16T05:30:00Z", 1, 1), // full
      slot(interviewAt.toISOString(), 3, 0), // the booked time itself
    ];
    const chosen = chooseAlternatives({ candidate, allowedSlots: allowed, poolSlots: [], now: NOW });
    expect(chosen.map((at) => at.toISOString())).toEqual(["2025-12-15T08:30:00.000Z", "2025-12-17T09:30:00.000Z"]);
  });

  it("falls back to the first three free future pool slots", () => {
    const pool = [
      slot("2025-11-20T05:30:00Z"), // past
      slot("2025-12-20T05:30:00Z"),
      slot("2025-12-18T05:30:00Z", 1, 1), // full
      slot("2025-12-19T05:30:00Z"),
      slot("2025-12-22T05:30:00Z"),
      slot("2025-12-23T05:30:00Z"),
      slot(interviewAt.toISOString(), 2, 0),
    ];
    const allowedButFull = [slot("2025-12-18T05:30:00Z", 1, 1)];
    const chosen = chooseAlternatives({ candidate, allowedSlots: allowedButFull, poolSlots: pool, now: NOW });
    expect(chosen.map((at) => at.toISOString())).toEqual([
      "2025-12-19T05:30:00.000Z",
      "2025-12-20T05:30:00.000Z",
      "2025-12-22T05:30:00.000Z",
    ]);
  });

  it("never offers a slot that has begun, even when the pool has nothing else", () => {
    const pool = [slot("2025-11-20T05:30:00Z"), slot("2025-11-21T05:30:00Z", 1, 1)];
    const allowed = [slot("2025-11-25T05:30:00Z"), slot("2025-12-01T00:00:00Z")];
    expect(chooseAlternatives({ candidate, allowedSlots: allowed, poolSlots: pool, now: NOW })).toEqual([]);
    expect(chooseAlternatives({ candidate, allowedSlots: [], poolSlots: [], now: NOW })).toEqual([]);
  });
});

describe("buildUserData", () => {
  const allowed = [slot("2025-12-15T08:30:00Z"), slot("2025-12-17T09:30:00Z", 2, 1)];
  const data = buildUserData({ candidate, allowedSlots: allowed, poolSlots: [], zone: ZONE, now: NOW });

  it("sends every key the prototype's agent reads, in the candidate's time zone", () => {
    expect(data).toEqual({
      candidate_name: "Asha Verma",
      name: "Asha Verma",
      position: "Software Engineer",
      interview_date: "Friday, 12 December 2025",
      interview_date_formatted: "Friday, the 12th of December",
      interview_time: "11:00 AM",
      interview_time_formatted: "11 o'clock in the morning",
      interview_datetime: "2025-12-12T11:00:00+05:30",
      interview_datetime_formatted: "Friday, the 12th of December at 11 o'clock in the morning",
      date: "2025-12-12",
      time: "11:00 AM",
      time_original: "11:00",
      original_slot: { date: "2025-12-12", time: "11:00 AM", day_of_week: "Friday" },
      original_slot_iso: { date: "2025-12-12", time: "11:00 AM" },
      alternative_slots: [
        { date: "2025-12-15", time: "2:00 PM", day_of_week: "Monday" },
        { date: "2025-12-17", time: "3:00 PM", day_of_week: "Wednesday" },
      ],
      alternative_slots_formatted: [
        "Monday, the 15th of December at 2 o'clock in the afternoon",
        "Wednesday, the 17th of December at 3 o'clock in the afternoon",
      ],
      alternative_slots_iso: [
        { date: "2025-12-15", time: "2:00 PM" },
        { date: "2025-12-17", time: "3:00 PM" },
      ],
      timezone: ZONE,
      interview_timezone: ZONE,
    });
  });

  it("speaks the same instant on the candidate's own clock: 16:30 in Kolkata is half past four in the afternoon", () => {
    const at = new Date("2026-12-17T11:00:00Z");
    const spoken = (zone: string) =>
      buildUserData({ candidate: { ...candidate, interviewAt: at }, allowedSlots: [], poolSlots: [], zone, now: NOW });
    expect(spoken("Asia/Kolkata")).toMatchObject({
      interview_time: "4:30 PM",
      interview_time_formatted: "4:30 in the afternoon",
      interview_datetime: "2026-12-17T16:30:00+05:30",
      interview_timezone: "Asia/Kolkata",
    });
    expect(spoken("UTC").interview_time_formatted).toBe("11 o'clock in the morning");
  });

  it("says a missing position generically", () => {
    const noPosition = buildUserData({
      candidate: { ...candidate, position: null },
      allowedSlots: [],
      poolSlots: [],
      zone: ZONE,
      now: NOW,
    });
    expect(noPosition.position).toBe("the open position");
    expect(noPosition.alternative_slots).toEqual([]);
  });

  it("is read back by the simulator's agent, and its slots map back to the same instants in the zone", () => {
    const context = readCallContext(data);
    expect(context.candidateName).toBe("Asha Verma");
    expect(context.interviewSpoken).toBe("Friday, the 12th of December at 11 o'clock in the morning");
    expect(context.alternatives).toHaveLength(2);
    for (const [index, alternative] of context.alternatives.entries()) {
      expect(alternative.spoken).toBe((data.alternative_slots_formatted as string[])[index]);
      expect(slotToInstant(alternative.slot?.date, alternative.slot?.time, ZONE)).toEqual(allowed[index]!.startsAt);
    }
  });
});
