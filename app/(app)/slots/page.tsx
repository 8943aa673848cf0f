import Link from "next/link";
import type { Route } from "next";
import { AccessDenied } from "@/app/_components/access-denied";
import { LiveUpdates } from "@/app/_components/live-updates";
import { LocalTime } from "@/app/_components/local-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { CANDIDATE_STATUS_LABELS } from "@/lib/candidates/status";
import { env } from "@/lib/env";
import { listSlotPool, type PoolSlot } from "@/lib/slots/slot-pool";
import { AddSlotForm } from "./add-slot-form";
import { CapacityForm, DeleteSlotButton } from "./slot-row-controls";

function formatInstant(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(value);
}

function Occupancy({ slot }: { slot: PoolSlot }) {
  const free = Math.max(0, slot.capacity - slot.booked);
  const tone = free === 0 ? "bg-amber-50 text-amber-900 ring-amber-300" : "bg-emerald-50 text-emerald-800 ring-emerald-300";
  return (
    <span className="inline-flex items-center gap-2 tabular-nums">
      {slot.booked} / {slot.capacity}
      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>
        {free === 0 ? "Full" : `${free} free`}
      </span>
    </span>
  );
}

export default async function SlotsPage() {
  const actor = await requireActor();
  if (!can(actor.role, "candidates:read")) return <AccessDenied />;
  const manage = can(actor.role, "slots:manage");
  const zone = env().INTERVIEW_TIMEZONE;
  const slots = listSlotPool(getDb());
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-6">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">Interview slots</h1>
        <LiveUpdates />
        <p className="ml-auto text-sm text-slate-500">
          The agent offers these times when a candidate asks to reschedule. Times in {zone}.
        </p>
      </header>
      {manage && <AddSlotForm zone={zone} />}
      {slots.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">
          No interview slots yet.{manage ? " Add one above." : " An admin can add them."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Interview slots, earliest first</caption>
            <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Starts ({zone})
                </th>
                <th scope="col" className="px-3 py-2">
                  Your time
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
            <tbody>
              {slots.map((slot) => {
                const label = formatInstant(slot.startsAt, zone);
                return (
                  <tr key={slot.id} data-slot-id={slot.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
                    <th scope="row" className="px-3 py-2 text-left font-medium tabular-nums">
                      {label}
                    </th>
                    <td className="px-3 py-2 text-slate-600">
                      <LocalTime value={slot.startsAt} fallbackZone={zone} />
                    </td>
                    <td className="px-3 py-2 tabular-nums">
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
                    <td className="px-3 py-2">
                      <Occupancy slot={slot} />
                    </td>
                    <td className="px-3 py-2">
                      {slot.bookings.length === 0 ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <ul className="flex flex-col gap-0.5">
                          {slot.bookings.map((booking) => (
                            <li key={booking.id}>
                              <Link href={`/candidates/${booking.id}` as Route} className="text-slate-900 hover:underline">
                                {booking.name}
                              </Link>
                              <span className="ml-1 text-xs text-slate-500">{CANDIDATE_STATUS_LABELS[booking.status]}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    {manage && (
                      <td className="px-3 py-2">
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
