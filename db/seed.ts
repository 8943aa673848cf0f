import { count } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "./client";
import { candidateReschedulingSlots, candidates, interviewSlots } from "./schema";

type DemoSlot = { at: string; capacity?: number };
type DemoCandidate = {
  name: string;
  phone: string;
  position: string;
  appliedOn: string;
  interview: string;
  alternatives: string[];
};

// Interview slots of the sample bodies in shared/reference/payloads; the 15th and 17th hold two interviews.
const SLOTS: DemoSlot[] = [
  { at: "2025-12-12 11:00" },
  { at: "2025-12-15 14:00", capacity: 2 },
  { at: "2025-12-16 11:00" },
  { at: "2025-12-17 15:00", capacity: 2 },
  { at: "2025-12-18 10:30" },
  { at: "2025-12-19 13:00", capacity: 2 },
  { at: "2025-12-23 14:30", capacity: 2 },
  { at: "2025-12-22 10:00" },
];

// Phones match the sample bodies, so POSTing them to /webhook updates these candidates.
const CANDIDATES: DemoCandidate[] = [
  {
    name: "Asha Verma",
    phone: "+919800000101",
    position: "Software Engineer",
    appliedOn: "2025-11-20",
    interview: "2025-12-12 11:00",
    alternatives: ["2025-12-15 14:00", "2025-12-17 15:00", "2025-12-19 13:00"],
  },
  {
    name: "Rahul Mehta",
    phone: "+919800000102",
    position: "Frontend Developer",
    appliedOn: "2025-11-21",
    interview: "2025-12-15 14:00",
    alternatives: ["2025-12-17 15:00", "2025-12-19 13:00"],
  },
  {
    name: "Neha Iyer",
    phone: "+919800000103",
    position: "Backend Developer",
    appliedOn: "2025-11-22",
    interview: "2025-12-16 11:00",
    alternatives: ["2025-12-18 10:30", "2025-12-22 10:00"],
  },
  {
    name: "Vikram Rao",
    phone: "+919800000104",
    position: "Full Stack Developer",
    appliedOn: "2025-11-22",
    interview: "2025-12-17 15:00",
    alternatives: ["2025-12-15 14:00", "2025-12-19 13:00"],
  },
  {
    name: "Kavya Nair",
    phone: "+919800000105",
    position: "UI/UX Designer",
    appliedOn: "2025-11-24",
    interview: "2025-12-18 10:30",
    alternatives: ["2025-12-19 13:00", "2025-12-23 14:30"],
  },
  {
    name: "Arjun Singh",
    phone: "+919800000106",
    position: "Software Engineer",
    appliedOn: "2025-11-25",
    interview: "2025-12-15 14:00",
    alternatives: ["2025-12-17 15:00", "2025-12-19 13:00", "2025-12-23 14:30"],
  },
  {
    name: "Meera Pillai",
    phone: "+919800000107",
    position: "Data Analyst",
    appliedOn: "2025-11-26",
    interview: "2025-12-22 10:00",
    alternatives: ["2025-12-23 14:30"],
  },
  {
    name: "Rohan Das",
    phone: "+919800000108",
    position: "QA Engineer",
    appliedOn: "2025-11-27",
    interview: "2025-12-23 14:30",
    alternatives: ["2025-12-19 13:00"],
  },
];

const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`;

/** Seeds the demo data set into an empty database; returns false (and changes nothing) when data exists. */
export function seedDemoData(db: Db, zone: string): boolean {
  const at = (local: string) => DateTime.fromFormat(local, "yyyy-MM-dd HH:mm", { zone }).toJSDate();
  return db.transaction(
    (tx) => {
      const existing = tx.select({ n: count() }).from(candidates).get();
      if ((existing?.n ?? 0) > 0) return false;
      const now = new Date();
      const slotIds = new Map<string, number>();
      for (const slot of SLOTS) {
        const row = tx
          .insert(interviewSlots)
          .values({ startsAt: at(slot.at), capacity: slot.capacity ?? 1 })
          .onConflictDoNothing()
          .returning({ id: interviewSlots.id })
          .get();
        if (row) slotIds.set(slot.at, row.id);
      }
      for (const demo of CANDIDATES) {
        const { id } = tx
          .insert(candidates)
          .values({
            name: demo.name,
            phone: demo.phone,
            email: emailOf(demo.name),
            position: demo.position,
            appliedAt: at(`${demo.appliedOn} 09:00`),
            interviewAt: at(demo.interview),
            statusChangedAt: now,
            updatedAt: now,
          })
          .returning({ id: candidates.id })
          .get();
        const allowed = demo.alternatives.map((local) => slotIds.get(local)).filter((slotId) => slotId !== undefined);
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
