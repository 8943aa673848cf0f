"use client";

import { useActionState } from "react";
import { LocalTime } from "@/app/_components/local-time";
import { idle, type ActionState } from "@/lib/http/action-state";

type PoolSlot = { id: number; startsAt: Date; capacity: number; booked: number };

type Props = {
  pool: PoolSlot[];
  allowedIds: number[];
  zone: string;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
};

/** Admins choose which pool slots the agent may offer this candidate instead of the booked one. */
export function ReschedulingSlotsForm({ pool, allowedIds, zone, action }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  if (pool.length === 0) return <p className="text-sm text-slate-500">The slot pool is empty.</p>;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <fieldset className="flex flex-col gap-1">
        <legend className="sr-only">Slots the agent may offer</legend>
        {pool.map((slot) => {
          const full = slot.booked >= slot.capacity;
          return (
            <label key={slot.id} className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                name="slotIds"
                value={slot.id}
                defaultChecked={allowedIds.includes(slot.id)}
                className="h-4 w-4 accent-slate-900"
              />
              <LocalTime value={slot.startsAt} fallbackZone={zone} />
              <span className={`ml-auto text-xs tabular-nums ${full ? "font-medium text-rose-700" : "text-slate-500"}`}>
                {slot.booked}/{slot.capacity} booked{full && " · full"}
              </span>
            </label>
          );
        })}
      </fieldset>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-60"
        >
          Save slots
        </button>
        {state.message && (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-rose-700"}`}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
