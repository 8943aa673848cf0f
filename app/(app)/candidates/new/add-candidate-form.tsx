"use client";

import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { idle } from "@/lib/http/action-state";
import { addCandidate } from "./actions";

type SlotOption = { id: number; label: string; full: boolean };

export function AddCandidateForm({ slots, zone }: { slots: SlotOption[]; zone: string }) {
  const [state, action, pending] = useActionState(addCandidate, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormField label="Name" name="name" required error={errors.name} />
      <FormField label="Phone" name="phone" type="tel" required placeholder="+91 98000 00000" error={errors.phone} />
      <FormField label="Email" name="email" type="email" error={errors.email} />
      <FormField label="Position" name="position" error={errors.position} />
      <FormField label={`Interview (${zone})`} name="interviewAt" type="datetime-local" required error={errors.interviewAt} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-700">Slots the agent may offer instead</legend>
        {slots.length === 0 && <p className="text-sm text-slate-500">The slot pool is empty.</p>}
        {slots.map((slot) => (
          <label key={slot.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="reschedulingSlotIds" value={slot.id} />
            {slot.label}
            {slot.full && <span className="text-xs text-slate-500">(full)</span>}
          </label>
        ))}
        {errors.reschedulingSlotIds && <p className="text-xs text-rose-700">{errors.reschedulingSlotIds}</p>}
      </fieldset>
      {state.message && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="self-start rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Add candidate
      </button>
    </form>
  );
}
