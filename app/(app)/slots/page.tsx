import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import Link from "next/link";
import type { Route } from "next";
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

const cell = "md:px-3 md:py-2";
const cardLabel = "mr-1 text-xs font-medium text-slate-600 md:hidden";

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
      {slots.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-400 bg-white p-8 text-center text-slate-700">
          No interview slots yet.{manage ? " Add one above." : " An admin can add them."}
        </p>
      ) : (
        <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="block w-full border-collapse text-sm md:table">
            <caption className="sr-only">Interview slots, earliest first</caption>
            <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-700 max-md:sr-only">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Starts ({zoneName})
                </th>
                <th scope="col" className="px-3 py-2">
                  Capacity
                </th>
                <th scope="col" className="px-3 py-2">
                  Booked
                </th>
                <th scope="col" className="px-3 py-2">
                  Candidates
                </th>
                {manage && (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="block md:table-row-group">
              {slots.map((slot) => {
                const label = formatInstant(slot.startsAt, zone);
                const past = slot.startsAt.getTime() <= now.getTime();
                return (
                  <tr
                    key={slot.id}
                    data-slot-id={slot.id}
                    className="flex flex-col gap-1.5 border-t border-slate-200 p-3 align-top first:border-t-0 hover:bg-slate-50 md:table-row md:p-0"
                  >
                    <th scope="row" className={`text-left font-medium tabular-nums ${cell}`}>
                      {label}
                      <ViewerTime value={slot.startsAt} zone={zone} className="font-normal" />
                      {past && (
                        <span className="mt-0.5 block w-fit rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-700">
                          Past: never offered
                        </span>
                      )}
                    </th>
                    <td className={`tabular-nums ${cell}`}>
                      <span className={cardLabel}>Capacity</span>
                      {manage ? (
                        <CapacityForm
                          key={slot.capacity}
                          slotId={slot.id}
                          label={label}
                          capacity={slot.capacity}
                          booked={slot.booked}
                        />
                      ) : (
                        slot.capacity
                      )}
                    </td>
                    <td className={cell}>
                      <span className={cardLabel}>Booked</span>
                      <Occupancy slot={slot} />
                    </td>
                    <td className={cell}>
                      {slot.bookings.length === 0 ? (
                        <span className="text-slate-600 max-md:hidden">—</span>
                      ) : (
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
                      )}
                    </td>
                    {manage && (
                      <td className={cell}>
                        <DeleteSlotButton slotId={slot.id} label={label} />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
