"use client";

import { ActionForm, FormMessage, SubmitButton, useKeptValue, type FormAction } from "@/app/_components/action-form";
import { formatInstant } from "@/lib/time/format";

type PoolSlot = { id: number; startsAt: Date; capacity: number; booked: number };

type Props = {
  candidateId: number;
  pool: PoolSlot[];
  allowedIds: number[];
  /** INTERVIEW_TIMEZONE: the pool's zone. */
  zone: string;
  now: Date;
  action: FormAction;
};

function SlotBoxes({ pool, allowedIds, zone, now }: Omit<Props, "action" | "candidateId">) {
  const sent = useKeptValue("slotIds");
  const chosen = sent === undefined ? allowedIds.map(String) : ([] as string[]).concat(sent);
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="sr-only">Slots the agent may offer</legend>
      {pool.map((slot) => {
        const full = slot.booked >= slot.capacity;
        const past = slot.startsAt.getTime() <= now.getTime();
        const checked = chosen.includes(String(slot.id));
        return (
          <label key={slot.id} className="flex flex-wrap items-center gap-x-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
            <input
              key={String(checked)}
              type="checkbox"
              name="slotIds"
              value={slot.id}
              defaultChecked={checked}
              className="h-4 w-4 accent-slate-900"
            />
            <span className="tabular-nums">{formatInstant(slot.startsAt, zone)}</span>
            <span className={`ml-auto text-xs tabular-nums ${full ? "font-medium text-rose-800" : "text-slate-600"}`}>
              {slot.booked}/{slot.capacity} booked{full && " · full"}
              {past && " · past, never offered"}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** Admins choose which pool slots the agent may offer this candidate instead of the booked one. */
export function ReschedulingSlotsForm({ candidateId, action, ...slots }: Props) {
  if (slots.pool.length === 0) return <p className="text-sm text-slate-600">The slot pool is empty.</p>;
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      <input type="hidden" name="candidateId" value={candidateId} />
      <SlotBoxes {...slots} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>Save slots</SubmitButton>
        <FormMessage className="py-1" />
      </div>
    </ActionForm>
  );
}
