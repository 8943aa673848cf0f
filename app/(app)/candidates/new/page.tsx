import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { listSlots } from "@/lib/slots/manage-slots";
import { formatInstant } from "@/lib/time/format";
import { timeZoneNames } from "@/lib/time/time-zones";
import { CandidateForm } from "../candidate-form";
import { addCandidate } from "./actions";

export const metadata: Metadata = { title: "Add a candidate" };

export default async function NewCandidatePage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:write")) forbidden();
  const zone = env().INTERVIEW_TIMEZONE;
  const now = new Date().getTime();
  // A slot that has begun is never offered, so it is not offered here either.
  const slots = listSlots(getDb())
    .filter((slot) => slot.startsAt.getTime() > now)
    .map((slot) => ({ id: slot.id, label: formatInstant(slot.startsAt, zone), full: slot.booked >= slot.capacity }));
  return (
    <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <Link href="/" className="text-sm text-slate-700 hover:text-slate-950">
        <span aria-hidden>← </span>Candidates
      </Link>
      <h1 className="mt-2 mb-6 text-xl font-semibold">Add a candidate</h1>
      <CandidateForm
        action={addCandidate}
        submit="Add candidate"
        zones={timeZoneNames()}
        fallbackZone={zone}
        slots={slots}
        defaults={{ language: env().DEFAULT_LANGUAGE }}
      />
    </main>
  );
}
