"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { formAction } from "@/lib/http/form-action";
import { changeSlotCapacity } from "@/lib/slots/change-capacity";
import { createSlot, deleteSlot } from "@/lib/slots/manage-slots";
import { addSlotForm, slotCapacityForm, slotForm } from "@/lib/slots/slot-input";
import { formatInstant } from "@/lib/time/format";
import { readLocalTime } from "@/lib/time/zoned-input";

/** The form's date-time has no offset: it is read in the interview time zone, as its label says. */
export const addSlot = formAction("slots:manage", addSlotForm, (fields) => {
  const zone = env().INTERVIEW_TIMEZONE;
  const read = readLocalTime(fields.startsAt, zone);
  if (!read?.ok) {
    const problem = read ? read.message : "Not a date and time.";
    return { ok: false, message: "Check the highlighted field.", fieldErrors: { startsAt: problem } };
  }
  const slot = createSlot(getDb(), { startsAt: read.at, capacity: fields.capacity });
  revalidatePath("/slots");
  return { ok: true, message: `Added the slot on ${formatInstant(slot.startsAt, zone)} for ${slot.capacity}.` };
});

export const changeCapacity = formAction("slots:manage", slotCapacityForm, ({ slotId: id, capacity }) => {
  changeSlotCapacity(getDb(), id, capacity);
  revalidatePath("/slots");
  return { ok: true, message: "Saved." };
});

export const removeSlot = formAction("slots:manage", slotForm, ({ slotId: id }) => {
  deleteSlot(getDb(), id);
  revalidatePath("/slots");
  return { ok: true };
});
