import { count } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "./client";
import { candidateReschedulingSlots, candidates, interviewSlots } from "./schema";

/** A day relative to the seeding day (0: today) and a wall-clock time in the demo candidates' zone. */
type DemoTime = { day: number; time: string };
type DemoSlot = DemoTime & { capacity?: number };
type DemoCandidate = {
  name: string;
  phone: string;
  position: string;
  appliedDaysAgo: number;
  interview: DemoTime;
  alternatives: DemoTime[];
};

const at = (day: number, time: string): DemoTime => ({ day, time });

// The interview slots, placed from three days after the seeding day on, so that the demo always shows upcoming
// interviews; the 6th and 8th day hold two interviews.
const SLOTS: DemoSlot[] = [
  at(3, "11:00"),
  { ...at(6, "14:00"), capacity: 2 },
  at(7, "11:00"),
  { ...at(8, "15:00"), capacity: 2 },
  at(9, "10:30"),
  { ...at(10, "13:00"), capacity: 2 },
  { ...at(14, "14:30"), capacity: 2 },
  at(13, "10:00"),
];

// Phones match the sample bodies, so POSTing them to /webhook updates these candidates.
const CANDIDATES: DemoCandidate[] = [
  {
    name: "Asha Verma",
    phone: "+919800000101",
    position: "Software Engineer",
    appliedDaysAgo: 12,
    interview: at(3, "11:00"),
    alternatives: [at(6, "14:00"), at(8, "15:00"), at(10, "13:00")],
  },
  {
    name: "Rahul Mehta",
    phone: "+919800000102",
    position: "Frontend Developer",
    appliedDaysAgo: 11,
    interview: at(6, "14:00"),
    alternatives: [at(8, "15:00"), at(10, "13:00")],
  },
  {
    name: "Neha Iyer",
    phone: "+919800000103",
    position: "Backend Developer",
    appliedDaysAgo: 10,
    interview: at(7, "11:00"),
    alternatives: [at(9, "10:30"), at(13, "10:00")],
  },
  {
    name: "Vikram Rao",
    phone: "+919800000104",
    position: "Full Stack Developer",
    appliedDaysAgo: 10,
    interview: at(8, "15:00"),
    alternatives: [at(6, "14:00"), at(10, "13:00")],
  },
  {
    name: "Kavya Nair",
    phone: "+919800000105",
    position: "UI/UX Designer",
    appliedDaysAgo: 8,
    interview: at(9, "10:30"),
    alternatives: [at(10, "13:00"), at(14, "14:30")],
  },
  {
    name: "Arjun Singh",
    phone: "+919800000106",
    position: "Software Engineer",
    appliedDaysAgo: 7,
    interview: at(6, "14:00"),
    alternatives: [at(8, "15:00"), at(10, "13:00"), at(14, "14:30")],
  },
  {
    name: "Meera Pillai",
    phone: "+919800000107",
    position: "Data Analyst",
    appliedDaysAgo: 6,
    interview: at(13, "10:00"),
    alternatives: [at(14, "14:30")],
  },
  {
    name: "Rohan Das",
    phone: "+919800000108",
    position: "QA Engineer",
    appliedDaysAgo: 5,
    interview: at(14, "14:30"),
    alternatives: [at(10, "13:00")],
  },
];

/** The demo's one zone: every demo phone is Indian, so times are said as the candidates live them. */
const DEMO_ZONE = "Asia/Kolkata";

/** A demo time as an instant: `day` days after `now`'s date in the demo zone, at `time` there. */
function demoInstant(time: DemoTime, now: Date): Date {
  const [hour, minute] = time.time.split(":").map(Number) as [number, number];
  return DateTime.fromJSDate(now, { zone: DEMO_ZONE }).startOf("day").plus({ days: time.day }).set({ hour, minute }).toJSDate();
}

const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`;

const key = (time: DemoTime) => `${time.day} ${time.time}`;

/**
 * Seeds the demo data set into an empty database; returns false (and changes nothing) when data exists. Every
 * interview lies in the days after `now`.
 */
export function seedDemoData(db: Db, now = new Date()): boolean {
  return db.transaction(
    (tx) => {
      const existing = tx.select({ n: count() }).from(candidates).get();
      if ((existing?.n ?? 0) > 0) return false;
      const slotIds = new Map<string, number>();
      for (const slot of SLOTS) {
        const row = tx
          .insert(interviewSlots)
          .values({ startsAt: demoInstant(slot, now), capacity: slot.capacity ?? 1 })
          .onConflictDoNothing()
          .returning({ id: interviewSlots.id })
          .get();
        if (row) slotIds.set(key(slot), row.id);
      }
      for (const demo of CANDIDATES) {
        const { id } = tx
          .insert(candidates)
          .values({
            name: demo.name,
            phone: demo.phone,
            email: emailOf(demo.name),
            position: demo.position,
            // The zone adding them through the form or the API would give them (lib/time/zone-for-phone.ts).
            timeZone: DEMO_ZONE,
            appliedAt: demoInstant(at(-demo.appliedDaysAgo, "09:00"), now),
            interviewAt: demoInstant(demo.interview, now),
            statusChangedAt: now,
            updatedAt: now,
          })
          .returning({ id: candidates.id })
          .get();
        const allowed = demo.alternatives.map((time) => slotIds.get(key(time))).filter((slotId) => slotId !== undefined);
        if (allowed.length > 0) {
          tx.insert(candidateReschedulingSlots)
            .values(allowed.map((slotId) => ({ candidateId: id, slotId })))
            .run();
        }
      }
      return true;
    },
    { behavior: "immediate" },
  );
}
