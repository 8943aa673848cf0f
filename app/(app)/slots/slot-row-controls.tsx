"use client";

import { useActionState } from "react";
import { idle } from "@/lib/http/action-state";
import { changeCapacity, removeSlot } from "./actions";

type Props = { slotId: number; label: string };

/** The capacity of one slot, editable; the browser stops values below the bookings and the server re-checks. */
export function CapacityForm({ slotId, label, capacity, booked }: Props & { capacity: number; booked: number }) {
  const [state, action, pending] = useActionState(changeCapacity.bind(null, slotId), idle);
  const inputId = `capacity-${slotId}`;
  const errorId = `${inputId}-error`;
  const error = state.ok ? undefined : (state.fieldErrors?.capacity ?? state.message);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <label htmlFor={inputId} className="sr-only">
        Capacity of the slot on {label}
      </label>
      <input
        id={inputId}
        name="capacity"
        type="number"
        min={Math.max(1, booked)}
        max={1000}
        defaultValue={capacity}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="w-16 rounded-md border border-slate-300 px-2 py-1 text-sm tabular-nums aria-[invalid]:border-rose-400"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60"
      >
        Save<span className="sr-only"> capacity of the slot on {label}</span>
      </button>
      {error && (
        <p id={errorId} role="alert" className="basis-full text-xs text-rose-700">
          {error}
        </p>
      )}
    </form>
  );
}

/** Deletes a slot; the server refuses while candidates hold it, and the refusal shows in the row. */
export function DeleteSlotButton({ slotId, label }: Props) {
  const [state, action, pending] = useActionState(removeSlot.bind(null, slotId), idle);
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs text-rose-700 hover:bg-rose-50 disabled:opacity-60"
      >
        Delete<span className="sr-only"> the slot on {label}</span>
      </button>
      {state.message && !state.ok && (
        <p role="alert" className="text-xs text-rose-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
