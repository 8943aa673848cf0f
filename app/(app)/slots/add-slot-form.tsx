"use client";

import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { idle } from "@/lib/http/action-state";
import { addSlot } from "./actions";

export function AddSlotForm({ zone }: { zone: string }) {
  const [state, action, pending] = useActionState(addSlot, idle);
  return (
    <form
      action={action}
      aria-label="Add a slot"
      className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-[16rem_8rem_auto] md:items-end"
      noValidate
    >
      <FormField
        label={`Starts at (${zone})`}
        name="startsAt"
        type="datetime-local"
        required
        error={state.fieldErrors?.startsAt}
      />
      <FormField
        label="Capacity"
        name="capacity"
        type="number"
        min={1}
        max={1000}
        defaultValue={1}
        required
        error={state.fieldErrors?.capacity}
      />
      <button
        type="submit"
        disabled={pending}
        className="justify-self-start rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Add slot
      </button>
      {state.message && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`text-sm md:col-span-3 ${state.ok ? "text-emerald-700" : "text-rose-700"}`}
        >
          {state.message}
        </p>
      )}
    </form>
  );
}
