"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";
import type { ActionState } from "@/lib/http/action-state";
import { runAction } from "@/lib/http/run-action";
import { capacityInput, changeSlotCapacity } from "@/lib/slots/change-capacity";
import { createSlot, createSlotInput, deleteSlot } from "@/lib/slots/manage-slots";
import { localInputToIso } from "@/lib/time/zoned-input";

// Bound ids arrive from the browser like any other input.
const slotId = z.number().int().positive();

/** The form's date-time has no offset: it is read in the interview time zone. */
const addSlotForm = (zone: string) =>
  z.object({
    startsAt: z
      .string()
      .trim()
      .min(1, "Enter the date and time")
      .transform(
        (value, context) =>
          localInputToIso(value, zone) ?? (context.addIssue({ code: "custom", message: "Not a date and time" }), z.NEVER),
      ),
    capacity: capacityInput.shape.capacity,
  });

export async function addSlot(_state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "slots:manage", () => {
    const zone = env().INTERVIEW_TIMEZONE;
    const fields = addSlotForm(zone).parse({ startsAt: form.get("startsAt") ?? "", capacity: form.get("capacity") ?? "" });
    const slot = createSlot(getDb(), createSlotInput.parse(fields));
    revalidatePath("/slots");
    const label = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(
      slot.startsAt,
    );
    return { ok: true, message: `Added the slot on ${label} (${zone}) for ${slot.capacity}.` };
  });
}

export async function changeCapacity(id: number, _state: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "slots:manage", () => {
    const { capacity } = capacityInput.parse({ capacity: form.get("capacity") ?? "" });
    changeSlotCapacity(getDb(), slotId.parse(id), capacity);
    revalidatePath("/slots");
    return { ok: true, message: "Saved." };
  });
}

export async function removeSlot(id: number): Promise<ActionState> {
  const actor = await requireActor();
  return runAction(actor, "slots:manage", () => {
    deleteSlot(getDb(), slotId.parse(id));
    revalidatePath("/slots");
    return { ok: true };
  });
}
