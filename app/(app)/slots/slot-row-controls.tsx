"use client";

import { ActionForm, FormMessage, SubmitButton, useFormFeedback, useKeptValue } from "@/app/_components/action-form";
import { changeCapacity, removeSlot } from "./actions";

type Props = { slotId: number; label: string };

function CapacityInput({ slotId, label, capacity, booked }: Props & { capacity: number; booked: number }) {
  const { state } = useFormFeedback();
  const kept = useKeptValue("capacity");
  const inputId = `capacity-${slotId}`;
  const errorId = `${inputId}-error`;
  const error = state.ok ? undefined : (state.fieldErrors?.capacity ?? state.message);
  return (
    <>
      <label htmlFor={inputId} className="sr-only">
        Capacity of the slot on {label}
      </label>
      <input
        id={inputId}
        name="capacity"
        type="number"
        min={Math.max(1, booked)}
        max={1000}
        defaultValue={typeof kept === "string" ? kept : capacity}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="w-16 rounded-md border border-slate-400 px-2 py-1 text-sm tabular-nums aria-[invalid]:border-rose-600"
      />
      {error && (
        <p id={errorId} role="alert" className="basis-full text-xs text-rose-800">
          {error}
        </p>
      )}
    </>
  );
}

/** The capacity of one slot, editable; the browser stops values below the bookings and the server re-checks. */
export function CapacityForm(props: Props & { capacity: number; booked: number }) {
  return (
    <ActionForm action={changeCapacity} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="slotId" value={props.slotId} />
      <CapacityInput {...props} />
      <SubmitButton tone="secondary" size="sm">
        Save<span className="sr-only"> capacity of the slot on {props.label}</span>
      </SubmitButton>
    </ActionForm>
  );
}

/** Deletes a slot; the server refuses while candidates hold it, and the refusal shows in the row. */
export function DeleteSlotButton({ slotId, label }: Props) {
  return (
    <ActionForm action={removeSlot} className="flex flex-col items-start gap-1">
      <input type="hidden" name="slotId" value={slotId} />
      <SubmitButton tone="secondary" size="sm" className="text-rose-800">
        Delete<span className="sr-only"> the slot on {label}</span>
      </SubmitButton>
      <FormMessage className="px-2 py-1 text-xs" />
    </ActionForm>
  );
}
