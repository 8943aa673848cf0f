import { AccessDenied } from "@/app/_components/access-denied";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { listSlots } from "@/lib/slots/manage-slots";
import { AddCandidateForm } from "./add-candidate-form";

export default async function NewCandidatePage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:write")) return <AccessDenied />;
  const zone = env().INTERVIEW_TIMEZONE;
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: zone });
  const slots = listSlots(getDb()).map((slot) => ({
    id: slot.id,
    label: format.format(slot.startsAt),
    full: slot.booked >= slot.capacity,
  }));
  return (
    <main className="mx-auto max-w-7xl p-6">
      <h1 className="mb-6 text-xl font-semibold">Add a candidate</h1>
      <AddCandidateForm slots={slots} zone={zone} />
    </main>
  );
}
