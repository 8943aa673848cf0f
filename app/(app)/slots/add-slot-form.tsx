"use client";

import { ActionForm, FormMessage, SubmitButton } from "@/app/_components/action-form";
import { FormField } from "@/app/_components/form-field";
import { addSlot } from "./actions";

/** `zoneLabel`: "UTC" or "Asia/Kolkata (IST)", the zone the date and time are read in. */
export function AddSlotForm({ zoneLabel }: { zoneLabel: string }) {
  return (
    <ActionForm
      action={addSlot}
      aria-label="Add a slot"
      className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 md:grid-cols-[16rem_8rem_auto] md:items-start"
    >
      <FormField label={`Starts at (${zoneLabel})`} name="startsAt" type="datetime-local" required />
      <FormField label="Capacity" name="capacity" type="number" min={1} max={1000} defaultValue={1} required />
      <SubmitButton className="justify-self-start md:mt-6">Add slot</SubmitButton>
      <FormMessage fieldsShown className="md:col-span-3" />
    </ActionForm>
  );
}
