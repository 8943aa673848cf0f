import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import type { Route } from "next";
import { DataTable } from "@/app/_components/data-table";
import { LiveUpdates } from "@/app/_components/live-updates";
import { ViewerTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { env } from "@/lib/env";
import { listSlotPool, type PoolSlot } from "@/lib/slots/slot-pool";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { AddSlotForm } from "./add-slot-form";
import { CapacityForm, DeleteSlotButton } from "./slot-row-controls";

export const metadata: Metadata = { title: "Interview slots" };

function Occupancy({ slot }: { slot: PoolSlot }) {
  const free = Math.max(0, slot.capacity - slot.booked);
  const tone = free === 0 ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-emerald-50 text-emerald-900 ring-emerald-300";
  return (
    <span className="inline-flex items-center gap-2 tabular-nums">
      {slot.booked} / {slot.capacity}
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
        {free === 0 ? "Full" : `${free} free`}
      </span>
    </span>
  );
}

function Bookings({ slot }: { slot: PoolSlot }) {
  if (slot.bookings.length === 0) return <span className="text-slate-600 max-md:hidden">—</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {slot.bookings.map((booking) => (
        <li key={booking.id}>
          <Link href={`/candidates/${booking.id}` as Route} className="text-slate-900 hover:underline">
            {booking.name}
          </Link>
          <span className="ml-1 text-xs text-slate-600">{CANDIDATE_STATUS_LABELS[booking.status]}</span>
        </li>
      ))}
      {slot.booked > slot.bookings.length && (
        <li className="text-xs text-slate-600">and {slot.booked - slot.bookings.length} more</li>
      )}
    </ul>
  );
}

export default async function SlotsPage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) forbidden();
  const manage = can(actor.role, "slots:manage");
  const zone = env().INTERVIEW_TIMEZONE;
  const now = new Date();
  const slots = listSlotPool(getDb());
  const zoneName = zone === zoneLabel(now, zone) ? zone : `${zone}, ${zoneLabel(now, zone)}`;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6 sm:px-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Interview slots</h1>
        <LiveUpdates />
        <p className="text-sm text-slate-700 sm:ml-auto">
          The agent offers these times when a candidate asks to reschedule; a slot that has passed is never offered.
        </p>
      </header>
      {manage && <AddSlotForm zoneLabel={zoneName} />}
      <DataTable
        name={{ caption: "Interview slots, earliest first" }}
        empty={`No interview slots yet.${manage ? " Add one above." : " An admin can add them."}`}
        rows={slots}
        rowKey={(slot) => slot.id}
        rowProps={(slot) => ({ "data-slot-id": slot.id })}
        columns={[
          {
            header: `Starts (${zoneName})`,
            rowHeader: true,
            className: "tabular-nums",
            cell: (slot) => (
              <>
                {formatInstant(slot.startsAt, zone)}
                <ViewerTime value={slot.startsAt} zone={zone} className="font-normal" />
                {slot.startsAt.getTime() <= now.getTime() && (
                  <span className="mt-0.5 block w-fit rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-700">
                    Past: never offered
                  </span>
                )}
              </>
            ),
          },
          {
            header: "Capacity",
            cardLabel: "Capacity",
            className: "tabular-nums",
            cell: (slot) =>
              manage ? (
                <CapacityForm
                  key={slot.capacity}
                  slotId={slot.id}
                  label={formatInstant(slot.startsAt, zone)}
                  capacity={slot.capacity}
                  booked={slot.booked}
                />
              ) : (
                slot.capacity
              ),
          },
          { header: "Booked", cardLabel: "Booked", cell: (slot) => <Occupancy slot={slot} /> },
          { header: "Candidates", cell: (slot) => <Bookings slot={slot} /> },
          manage && {
            header: <span className="sr-only">Actions</span>,
            cell: (slot) => <DeleteSlotButton slotId={slot.id} label={formatInstant(slot.startsAt, zone)} />,
          },
        ]}
      />
    </main>
  );
}
